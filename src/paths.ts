import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The folder holding package.json and templates/. Bundles live at different
 * depths (dist/, out/test/…), so walk up instead of assuming one.
 */
export function extensionRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'templates'))) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'audit-reply') return (cached = dir);
      } catch {
        // an unreadable manifest is not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Audit Reply: cannot find its templates folder above ${__dirname}`);
    dir = parent;
  }
}

export function builtInTemplatesDir(): string {
  return join(extensionRoot(), 'templates');
}
