// The analyses in one import: pure functions over stored reports.

export * from './items.js';
export * from './timeline.js';
export * from './diff.js';
export * from './stalled.js';
export * from './series.js';
export * from './history.js';
export * from './aliases.js';
