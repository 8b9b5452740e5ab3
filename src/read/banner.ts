// Plain-text banners: a label framed by drawn rules (`=====` / `[2025.03.07 Fri] 周报` / `=====`) is a heading, as its
// writer meant; Markdown would glue the top rule to the label (`==== [2025.03.07 …`) and the label to the lines below.

/**
 * A drawn rule Markdown does not read as one: one character repeated, 3 or more (`=====`, `＝＝＝`, `═══`, `━━━`,
 * `───`, `———`, `#########`). `---`, `***` and `___` are Markdown's own rules and `~~~` opens code: left alone.
 */
const RULE = /^[ \t]*([=＝═━─—#])\1{2,}[ \t]*$/u;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
/** A line Markdown gives a meaning of its own (an ATX heading, a list item, a quote, a table row). */
const MARKED = /^[ \t]{0,3}(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\|)/;

/**
 * Rewrites drawn rules, keeping every line where it is (same count, so lines stay exact): a rule above and below one
 * line make that line a heading (the top rule blanked, the bottom one a setext `===`); a rule under a lone line
 * underlines it (`═══` as `===`, the others as `---`); any other such rule is a separator (blanked). Lines inside
 * fenced code are never touched.
 */
export function unframeBanners(lines: readonly string[]): string[] {
  if (!lines.some((l) => RULE.test(l))) return lines as string[];
  const out = [...lines];
  const blank = (i: number) => i < 0 || i >= lines.length || !lines[i]!.trim();
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const f = FENCE.exec(l);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const rule = RULE.exec(l);
    if (!rule) continue;
    const ch = rule[1]!;
    const text = (k: number) => !blank(k) && !RULE.test(lines[k]!) && !FENCE.test(lines[k]!);
    // Framed: rule, one line, the same rule.
    if (text(i + 1) && i + 2 < lines.length && RULE.exec(lines[i + 2]!)?.[1] === ch) {
      out[i] = '';
      out[i + 2] = MARKED.test(lines[i + 1]!) ? '' : '===';
      i += 2;
      continue;
    }
    // `===` under a line is Markdown's own underline.
    if (ch === '=' && text(i - 1)) continue;
    // Underlined: a lone line (blank or a rule above it) with the rule below it.
    if (text(i - 1) && (blank(i - 2) || RULE.test(lines[i - 2]!)) && !MARKED.test(lines[i - 1]!)) {
      out[i] = ch === '═' || ch === '＝' ? '===' : '---';
      continue;
    }
    out[i] = '';
  }
  return out;
}
