import { resolve } from 'node:path';
import { renderLetter } from '../letter/render';
import { formatProblem, hasErrors } from '../letter/problems';
import { exportLetterPdf } from '../pdf/exportLetter';
import { findBrowser } from '../pdf/findBrowser';
import { DEFAULT_TIMEOUT_MS } from '../pdf/printToPdf';
import { NoBrowserError, OutputExistsError, PdfError } from '../pdf/errors';
import { oneOf, parseCliArgs, readInputFile } from './common';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIo } from './io';
import { templatesDir, TEMPLATES_OPTION } from './options';

const USAGE =
  'usage: audit-reply pdf <letter.md> [-o FILE] [--paper A4|Letter] [--browser PATH] [--force] [--timeout SECONDS] [--allow-errors] [--templates DIR]';

const HELP = `${USAGE}

Prints the letter to PDF with a Chromium-family browser (Edge, Chrome, Chromium, Brave).
  -o, --output FILE   where the PDF goes (default: the letter's name with .pdf)
  --paper A4|Letter   paper size (default A4)
  --browser PATH      the browser executable (default: CHROME_PATH, then the usual install locations)
  --force             replace an existing PDF
  --timeout SECONDS   stop the browser after this long (default ${DEFAULT_TIMEOUT_MS / 1000})
  --allow-errors      export even when the letter has errors (missing fields stay highlighted)
`;

function defaultOutput(file: string): string {
  return file.replace(/\.(md|markdown)$/i, '') + '.pdf';
}

export async function pdfCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    argv,
    {
      output: { type: 'string', short: 'o' },
      paper: { type: 'string' },
      browser: { type: 'string' },
      force: { type: 'boolean' },
      timeout: { type: 'string' },
      'allow-errors': { type: 'boolean' },
      ...TEMPLATES_OPTION,
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one letter file\n${USAGE}`);
  const file = positionals[0]!;
  const paper = oneOf('paper', values.paper, ['A4', 'Letter'] as const) ?? 'A4';
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds (got "${values.timeout}")`);
    timeoutMs = seconds * 1000;
  }
  if (file === '-' && !values.output) throw new UsageError('reading the letter from standard input needs -o FILE');
  const output = resolve(io.cwd, values.output ?? defaultOutput(file));

  const result = renderLetter(await readInputFile(io, file), { templatesOverrideDir: templatesDir(io, values.templates) });
  for (const p of result.problems) io.stderr(formatProblem(file, p) + '\n');
  if (hasErrors(result.problems) && !values['allow-errors']) {
    io.stderr('audit-reply: the letter has errors; no PDF written (fix them, or pass --allow-errors)\n');
    return EXIT_PROBLEMS;
  }

  try {
    const browser = findBrowser({
      explicitPath: values.browser === undefined ? undefined : resolve(io.cwd, values.browser),
      explicitSource: '--browser',
      env: io.env,
    });
    await exportLetterPdf(result, { paper, output, browserPath: browser.path, overwrite: values.force === true, timeoutMs, env: io.env, tmpDir: io.env['TMPDIR'] || undefined });
  } catch (e) {
    if (e instanceof OutputExistsError) {
      io.stderr(`audit-reply: ${output} already exists; use --force to replace it\n`);
      return EXIT_PROBLEMS;
    }
    if (e instanceof NoBrowserError) {
      io.stderr(`audit-reply: ${e.message}\n`);
      return EXIT_PROBLEMS;
    }
    if (e instanceof PdfError) {
      io.stderr(`audit-reply: ${e.message}\n`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
  io.stdout(`${output}\n`);
  return EXIT_OK;
}
