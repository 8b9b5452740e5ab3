// Phrases that split an item into items of their own (`拆分为“积分中心”和“等级权益”两个项目`, `split into two projects`).
// The extractor states such an item cancelled (rules/statement/stops.ts); the analysis links the new parts to it.

export const SPLIT_PHRASES: readonly string[] = ['拆分为', '拆分成', '分拆为', '分拆成', '拆成', '拆为', 'split into', 'split up into', 'broken into', 'broken up into', 'divided into'];

const LOWER = new Set(SPLIT_PHRASES.map((p) => p.toLowerCase()));

/** Is this phrase (as a statement records it) one of the split phrases? */
export function isSplitPhrase(phrase: string): boolean {
  return LOWER.has(phrase.toLowerCase());
}
