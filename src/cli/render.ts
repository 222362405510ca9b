import { renderLetter, type RenderResult } from '../letter/render';
import { composeEmail } from '../letter/emailText';
import { formatProblem, hasErrors } from '../letter/problems';
import { emit, oneOf, parseCliArgs, readInputFile } from './common';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIo } from './io';
import { templatesDir, TEMPLATES_OPTION } from './options';

const USAGE = 'usage: audit-reply render <letter.md> --to html|text|md [-o FILE] [--force] [--templates DIR]';
const TARGETS = ['html', 'text', 'md'] as const;

function output(result: RenderResult, to: (typeof TARGETS)[number]): string {
  if (to === 'html') return result.html;
  if (to === 'text') return composeEmail(result);
  return result.markdown;
}

export async function renderCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    argv,
    { to: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, ...TEMPLATES_OPTION },
    USAGE,
  );
  if (values.help) {
    io.stdout(`${USAGE}\n\nhtml: the sanitised HTML of the letter; text: the e-mail text, subject line first;\nmd: the letter with every expression resolved.\n`);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one letter file\n${USAGE}`);
  const to = oneOf('to', values.to, TARGETS);
  if (!to) throw new UsageError(`--to is required\n${USAGE}`);
  const file = positionals[0]!;
  const result = renderLetter(await readInputFile(io, file), { templatesOverrideDir: templatesDir(io, values.templates) });
  for (const p of result.problems) io.stderr(formatProblem(file, p) + '\n');
  const text = output(result, to);
  const written = await emit(io, text, values.output, values.force);
  return written !== EXIT_OK || hasErrors(result.problems) ? EXIT_PROBLEMS : EXIT_OK;
}
