import { parseFrontmatter } from '../letter/frontmatter';
import { analyzeLog, langFromCase, LogInputError, lookupOwners, networksFromCase, timezoneFromCase, toJson, toMarkdown, type Lang } from '../iplog/index';
import { emit, oneOf, parseCliArgs, readInputBytes, readInputFile } from './common';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIo } from './io';

const USAGE =
  'usage: audit-reply analyze <log | -> [--letter letter.md] [--lang ja|en] [--tz ZONE] [--to md|json] [--max-speed N] [--rdap] [--rdap-base-url URL] [--rdap-timeout MS] [-o FILE [--force]]';

const HELP = `${USAGE}

Analyses a vendor's login log (CSV/TSV, Entra ID or Okta JSON, M365 audit CSV,
or text copied from a PDF) per IP address and per user, and flags address
switches that would need impossible travel.

  --letter FILE      take networks, lang and log.timezone from the letter's frontmatter
  --lang ja|en       language of the Markdown output (default: the letter's, else from LANG)
  --tz ZONE          IANA time zone for times without an offset (default: log.timezone, else this machine's)
  --to md|json       output format (default md)
  --max-speed N      flag switches faster than N km/h (default 900)
  --rdap             look up each address's registered owner (network access; off by default)
  --rdap-base-url U  ask this RDAP server instead of the registries (implies --rdap)
  --rdap-timeout MS  per-lookup timeout (default 5000)
  -o FILE            write to FILE instead of standard output (atomically)
  --force            replace FILE when it exists
`;

const OPTIONS = {
  letter: { type: 'string' },
  lang: { type: 'string' },
  tz: { type: 'string' },
  to: { type: 'string' },
  'max-speed': { type: 'string' },
  rdap: { type: 'boolean' },
  'rdap-base-url': { type: 'string' },
  'rdap-timeout': { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

/** `audit-reply analyze`: exit 0 on success, 1 when the log cannot be analysed, 2 on usage errors. */
export async function analyzeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, OPTIONS, USAGE);
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one log file (or - for standard input)\n${USAGE}`);
  const file = positionals[0]!;
  const to = oneOf('to', values.to, ['md', 'json'] as const) ?? 'md';
  const langOption = oneOf('lang', values.lang, ['ja', 'en'] as const);
  const maxSpeedKmh = positiveNumber('max-speed', values['max-speed']);
  const timeoutMs = positiveNumber('rdap-timeout', values['rdap-timeout']);
  const baseUrl = values['rdap-base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/\S+$/.test(baseUrl)) throw new UsageError(`--rdap-base-url must be an http(s) URL (got "${baseUrl}")`);

  const caseData = values.letter ? await readCaseData(io, values.letter) : undefined;
  const lang: Lang = langOption ?? langFromCase(caseData) ?? (/^ja/i.test(io.env.LC_ALL || io.env.LANG || '') ? 'ja' : 'en');
  const bytes = await readInputBytes(io, file);

  let markdownOrJson: string;
  try {
    let result = analyzeLog(bytes, {
      networks: networksFromCase(caseData),
      timezone: values.tz ?? timezoneFromCase(caseData),
      lang,
      maxSpeedKmh,
    });
    if (values.rdap || baseUrl) result = await lookupOwners(result, { baseUrl, timeoutMs });
    markdownOrJson = to === 'json' ? toJson(result) : toMarkdown(result, lang);
  } catch (e) {
    if (!(e instanceof LogInputError)) throw e;
    const where = e.code === 'bad-network' && values.letter ? `${values.letter}: ` : `${file === '-' ? '<stdin>' : file}: `;
    io.stderr(`${where}${e.message}\n`);
    return EXIT_PROBLEMS;
  }
  return emit(io, markdownOrJson, values.output, values.force);
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number (got "${value}")`);
  return n;
}

async function readCaseData(io: CliIo, letter: string): Promise<Record<string, unknown>> {
  const text = await readInputFile(io, letter);
  const fm = parseFrontmatter(text);
  if (!fm.data) {
    const first = fm.problems.find((p) => p.severity === 'error') ?? fm.problems[0];
    const line = first ? `:${first.range.start.line + 1}` : '';
    throw new UsageError(`${letter}${line}: ${first?.message ?? 'the frontmatter is not a mapping'}`);
  }
  return fm.data;
}
