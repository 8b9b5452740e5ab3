// The renderers in one import: pure functions from analysis results to strings, and their name → function maps.

export * from './format.js';
export * from './diff.js';
export * from './stalled.js';
export * from './series.js';
export * from './history.js';
export * from './suggestions.js';
export * from './weeks.js';
export * from './show.js';
export * from './check.js';
