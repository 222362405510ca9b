// Gives bundled ESM code a working import.meta.url inside a CommonJS bundle.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
