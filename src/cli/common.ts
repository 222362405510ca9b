import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { writeFileAtomic, FileExistsError } from '../util/atomicWrite';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIo } from './io';

/** parseArgs with strict checking, turning its errors into one-line usage errors. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\n${usage}`);
  }
}

/** A file's bytes, or standard input for `-`; a missing or unreadable file is a one-line usage error. */
export async function readInputBytes(io: CliIo, file: string): Promise<Uint8Array> {
  if (file === '-') return io.readStdin();
  try {
    return await fs.readFile(resolve(io.cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? (e as Error).message})`);
  }
}

export async function readInputFile(io: CliIo, file: string): Promise<string> {
  return Buffer.from(await readInputBytes(io, file)).toString('utf8');
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** Writes to `-o FILE` (atomically, never replacing a file without --force) or to standard output. */
export async function emit(io: CliIo, text: string, output: string | undefined, force: boolean | undefined): Promise<number> {
  if (!output) {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, output), text, { overwrite: force === true });
  } catch (e) {
    if (e instanceof FileExistsError) {
      io.stderr(`audit-reply: ${output} already exists; use --force to replace it\n`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
  io.stderr(`wrote ${output}\n`);
  return EXIT_OK;
}
