import { parse as parseYaml } from 'yaml';
import { loadCatalogue, LANGS, FORMATS } from '../letter/catalogue';
import { buildNewLetter, NewLetterError } from '../letter/newLetter';
import { toIsoDate } from '../letter/dates';
import type { CaseRecord } from '../letter/frontmatter';
import { emit, oneOf, parseCliArgs, readInputFile } from './common';
import { EXIT_OK, UsageError, type CliIo } from './io';
import { templatesDir, TEMPLATES_OPTION } from './options';

const USAGE = `usage: audit-reply new <template> [--lang ja|en] [--format letter|email] [--vendor ID] [--data case.yaml] [-o FILE] [--force] [--templates DIR]`;

export async function newCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    argv,
    {
      lang: { type: 'string' },
      format: { type: 'string' },
      vendor: { type: 'string' },
      data: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      ...TEMPLATES_OPTION,
    },
    USAGE,
  );
  const catalogue = loadCatalogue(templatesDir(io, values.templates));
  if (values.help) {
    io.stdout(`${USAGE}\n\nWrites a new letter: YAML frontmatter with the case data, then the template's text.\n` +
      `Templates: ${catalogue.ids().join(', ')}\nVendor presets: ${catalogue.vendors().map((v) => v.id).join(', ')}\n`);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one template id\n${USAGE}`);
  let data: CaseRecord | undefined;
  if (values.data) {
    const text = await readInputFile(io, values.data);
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (e) {
      throw new UsageError(`${values.data}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`${values.data}: expected a mapping of case fields`);
    data = parsed as CaseRecord;
  }
  const lang = oneOf('lang', values.lang, LANGS) ?? (data?.lang === 'en' || data?.lang === 'ja' ? data.lang : 'ja');
  const format = oneOf('format', values.format, FORMATS) ?? (data?.format === 'email' || data?.format === 'letter' ? data.format : 'letter');
  let text: string;
  try {
    text = buildNewLetter({ template: positionals[0]!, lang, format, vendor: values.vendor, data, today: toIsoDate(new Date()), catalogue });
  } catch (e) {
    if (e instanceof NewLetterError) throw new UsageError(e.message);
    throw e;
  }
  return emit(io, text, values.output, values.force);
}
