import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionRoot } from '../paths';

/** media/letter.css: the one stylesheet the preview links and the PDF inlines. */
export function letterCssPath(root = extensionRoot()): string {
  return join(root, 'media', 'letter.css');
}

let cached: string | undefined;

export function readLetterCss(): string {
  return (cached ??= readFileSync(letterCssPath(), 'utf8'));
}
