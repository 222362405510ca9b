import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliIo } from './io';

/** Workspace templates: `--templates DIR`, else `.audit-reply/templates` under the current folder when present. */
export function templatesDir(io: CliIo, given: string | undefined): string | undefined {
  if (given) return resolve(io.cwd, given);
  const local = join(io.cwd, '.audit-reply', 'templates');
  return existsSync(local) ? local : undefined;
}

export const TEMPLATES_OPTION = { templates: { type: 'string' } } as const;
