// opencc-js publishes its dictionaries (`dist/esm-lib/dict/*.js`, a `from to|from to` string each) without types.
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
