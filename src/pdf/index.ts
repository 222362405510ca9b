export { findBrowser, installCandidates, BROWSER_SETTING } from './findBrowser';
export type { FindBrowserOptions, FoundBrowser } from './findBrowser';
export { printToPdf, DEFAULT_TIMEOUT_MS } from './printToPdf';
export type { PrintOptions } from './printToPdf';
export * from './errors';
