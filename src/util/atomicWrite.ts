import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; nothing was written (choose another name or allow overwriting).`);
  }
}

/**
 * Writes through a temporary file in the same folder, so a reader never sees
 * half a file. Without `overwrite`, an existing file is never replaced: the
 * final step is a hard link, which fails atomically when the name is taken.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { overwrite?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.overwrite) {
      await fs.rename(temp, path);
      return;
    }
    try {
      await fs.link(temp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      // file systems without hard links: check, then rename
      if (await exists(path)) throw new FileExistsError(path);
      await fs.rename(temp, path);
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Whether something is at `path` (a check only: writers rely on writeFileAtomic's own refusal). */
export async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}
