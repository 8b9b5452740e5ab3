// The output layer in one import: report types (one column specification each), the renderers by format, the helpers.

export * from './format.js';
export * from './format-names.js';
export * from './formats.js';
export * from './doc.js';
export * from './words.js';
export * from './statuses.js';
export * from './diff.js';
export * from './stalled.js';
export * from './series.js';
export * from './history.js';
export * from './suggestions.js';
export * from './aliases.js';
export * from './weeks.js';
export * from './show.js';
export * from './check.js';
