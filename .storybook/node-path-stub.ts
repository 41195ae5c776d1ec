// @wc-toolkit/storybook-helpers ships its Node-side manifest reloader (a Storybook preset) in the same module
// as the browser helpers, so the preview bundle imports `path` without calling it. This stands in for it
// there, instead of Vite's "externalized for browser compatibility" stub and its build warning.
const unavailable = (): never => {
  throw new Error('node:path is not available in the Storybook preview');
};
export default { resolve: unavailable };
