import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserFailedError, BrowserTimeoutError, OutputExistsError, PdfCancelledError } from './errors';
import { exists, writeFileAtomic, FileExistsError } from '../util/atomicWrite';
import { runProcess } from './runProcess';

export interface PrintOptions {
  /** A complete HTML document (buildPageHtml in pdf mode); paper size comes from its @page rules. */
  html: string;
  /** Where the PDF goes. */
  output: string;
  browserPath: string;
  overwrite?: boolean;
  /** Default 60 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Parent of the temporary folder; default os.tmpdir(). */
  tmpDir?: string;
  /** Chromium's sandbox cannot start as root; default: on only when running as root. */
  noSandbox?: boolean;
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function browserArgs(opts: { profileDir: string; pdfFile: string; pageUrl: string; noSandbox: boolean }): string[] {
  return [
    '--headless',
    '--disable-gpu',
    ...(opts.noSandbox ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-dev-shm-usage',
    `--user-data-dir=${opts.profileDir}`,
    '--no-pdf-header-footer',
    '--print-to-pdf-no-header',
    `--print-to-pdf=${opts.pdfFile}`,
    opts.pageUrl,
  ];
}

/**
 * Prints a page to PDF with a headless Chromium-family browser. The page, the
 * throw-away browser profile and the raw PDF live in one temporary folder that
 * is removed whatever happens; the result reaches `output` atomically.
 */
export async function printToPdf(opts: PrintOptions): Promise<void> {
  if (opts.signal?.aborted) throw new PdfCancelledError();
  const output = path.resolve(opts.output);
  // Fail before the expensive part; writeFileAtomic checks again at the end.
  if (!opts.overwrite && (await exists(output))) throw new OutputExistsError(output);

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const work = await fs.mkdtemp(path.join(opts.tmpDir ?? os.tmpdir(), 'audit-reply-pdf-'));
  try {
    const pageFile = path.join(work, 'letter.html');
    const pdfFile = path.join(work, 'letter.pdf');
    const profileDir = path.join(work, 'profile');
    await fs.writeFile(pageFile, opts.html, 'utf8');
    await fs.mkdir(profileDir);

    const args = browserArgs({ profileDir, pdfFile, pageUrl: pathToFileURL(pageFile).href, noSandbox: opts.noSandbox ?? isRoot() });
    let outcome;
    try {
      outcome = await runProcess(opts.browserPath, args, { timeoutMs, signal: opts.signal, env: opts.env });
    } catch (err) {
      throw new BrowserFailedError(`Could not start the browser ${opts.browserPath}: ${(err as Error).message}`, null, '');
    }
    if (outcome.kind === 'timeout') throw new BrowserTimeoutError(timeoutMs);
    if (outcome.kind === 'aborted') throw new PdfCancelledError();

    const { exitCode, signal, stderrTail } = outcome.result;
    if (exitCode !== 0) {
      const how = exitCode === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${exitCode}`;
      throw new BrowserFailedError(`The browser ${how} without printing the PDF.`, exitCode, stderrTail);
    }
    let pdf: Buffer;
    try {
      pdf = await fs.readFile(pdfFile);
    } catch {
      throw new BrowserFailedError('The browser exited normally but wrote no PDF.', exitCode, stderrTail);
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new BrowserFailedError('The browser wrote a file that is not a PDF.', exitCode, stderrTail);
    }
    try {
      await writeFileAtomic(output, pdf, { overwrite: opts.overwrite });
    } catch (err) {
      // The file may have appeared while the browser was printing.
      if (err instanceof FileExistsError) throw new OutputExistsError(output);
      throw err;
    }
  } finally {
    // Chromium may still be flushing its profile for a moment after being killed; retry.
    await fs.rm(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
