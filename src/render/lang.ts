// The languages a person may read the output in, and how a locale or a --lang value names one (no dependencies, so --help stays light).

/** English (the language of the code, of JSON and of the database) and Chinese. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The language a value names: `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans` are Chinese; `en`,
 * `en_US.UTF-8` English; anything else (`fr`, `C`, ``) none.
 */
export function langOf(value: string | undefined): Lang | undefined {
  const v = value?.trim().toLowerCase() ?? '';
  if (/^zh(?:$|[-_.@])/.test(v)) return 'zh';
  if (/^en(?:$|[-_.@])/.test(v)) return 'en';
  return undefined;
}

/**
 * The language of a process environment, as POSIX decides the messages' locale: the first
 * non-empty of LC_ALL, LC_MESSAGES, LANG; Chinese when it starts with `zh`, else English
 * (`C.UTF-8`, `en_US.UTF-8`, `de_DE` …).
 */
export function langOfEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return langOf(locale) === 'zh' ? 'zh' : 'en';
}
