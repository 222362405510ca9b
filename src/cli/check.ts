import { renderLetter } from '../letter/render';
import { formatProblem, hasErrors } from '../letter/problems';
import { parseCliArgs, readInputFile } from './common';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIo } from './io';
import { templatesDir, TEMPLATES_OPTION } from './options';

const USAGE = 'usage: audit-reply check <letter.md> [--templates DIR]';

/** Lists every problem as file:line:col: severity: message; exit 1 when any is an error. */
export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, { ...TEMPLATES_OPTION }, USAGE);
  if (values.help) {
    io.stdout(`${USAGE}\n\nChecks a letter: frontmatter, case fields, template and every field the text uses.\nExit code 1 when there is an error.\n`);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one letter file\n${USAGE}`);
  const file = positionals[0]!;
  const source = await readInputFile(io, file);
  const result = renderLetter(source, { templatesOverrideDir: templatesDir(io, values.templates) });
  for (const p of result.problems) io.stdout(formatProblem(file, p) + '\n');
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  io.stderr(`${file}: ${errors} error(s), ${result.problems.length - errors} warning(s)\n`);
  return hasErrors(result.problems) ? EXIT_PROBLEMS : EXIT_OK;
}
