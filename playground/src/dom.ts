/** Small helpers for building the panes' HTML. */
export { esc, usd } from '../../src/preview/html.js';
