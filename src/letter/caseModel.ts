import { addDays } from 'date-fns';
import type { CaseRecord, Frontmatter } from './frontmatter';
import { frontmatterRange } from './frontmatter';
import { parseIsoDate, toIsoDate, type Lang } from './dates';
import type { Problem } from './problems';
import { validateCase } from './validate';

export type Format = 'letter' | 'email';

export const SENDER_FIELDS = ['company', 'department', 'person', 'title', 'email', 'phone', 'address'] as const;
export type SenderProfile = Partial<Record<(typeof SENDER_FIELDS)[number], string>>;

export interface CaseOptions {
  /** Our date when the letter gives none (YYYY-MM-DD); the real today otherwise. */
  today?: string;
  /** Defaults for `sender:` (the user's settings); the letter's own values win. */
  sender?: SenderProfile;
}

export interface CaseModel {
  /** Frontmatter values merged with defaults, plus computed fields. */
  data: CaseRecord;
  templateId?: string;
  lang: Lang;
  format: Format;
  problems: Problem[];
}

function isRecord(v: unknown): v is CaseRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

function mergeSender(given: unknown, profile: SenderProfile | undefined): CaseRecord {
  const sender: CaseRecord = isRecord(given) ? { ...given } : {};
  for (const key of SENDER_FIELDS) if (blank(sender[key]) && profile?.[key]) sender[key] = profile[key];
  return sender;
}

/** Amounts are rounded to the currency's minor unit (none for yen) so the quote adds up on paper. */
function roundMoney(amount: number, currency: string): number {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // an invalid code is reported by validation; keep two decimals meanwhile
  }
  const f = 10 ** digits;
  return Math.round(amount * f) / f;
}

/** Line amounts, subtotal, tax, total and validity computed here, never in a template. */
export function computeQuote(quote: CaseRecord, ourDate: string): CaseRecord {
  const currency = typeof quote.currency === 'string' ? quote.currency : 'JPY';
  const rate = typeof quote.rate === 'number' ? quote.rate : 0;
  const taxRate = typeof quote.taxRate === 'number' ? quote.taxRate : 0;
  const items = Array.isArray(quote.items) ? quote.items.filter(isRecord) : [];
  const lines = items.map((item) => {
    const hours = typeof item.hours === 'number' ? item.hours : 0;
    return { ...item, amount: roundMoney(hours * rate, currency) };
  });
  const subtotal = roundMoney(lines.reduce((s, l) => s + l.amount, 0), currency);
  const tax = roundMoney(subtotal * taxRate, currency);
  const out: CaseRecord = { ...quote, currency, items: lines, subtotal, tax, total: roundMoney(subtotal + tax, currency) };
  const start = parseIsoDate(ourDate);
  if (start && typeof quote.validDays === 'number') out.validUntil = toIsoDate(addDays(start, quote.validDays));
  return out;
}

export function buildCase(fm: Frontmatter, options: CaseOptions = {}): CaseModel {
  const given = fm.data ?? {};
  const problems = fm.data ? validateCase(fm, given) : [];
  const data: CaseRecord = { ...given };
  const lang: Lang = given.lang === 'en' ? 'en' : 'ja';
  const format: Format = given.format === 'email' ? 'email' : 'letter';
  data.lang = lang;
  data.format = format;
  if (blank(data.date) || typeof data.date !== 'string' || !parseIsoDate(data.date)) {
    // an invalid date was reported; rendering goes on with today's so the preview stays useful
    data.date = options.today ?? toIsoDate(new Date());
  }
  data.sender = mergeSender(given.sender, options.sender);
  if (isRecord(given.quote)) data.quote = computeQuote(given.quote, data.date as string);
  const templateId = typeof given.template === 'string' && given.template.trim() ? given.template.trim() : undefined;
  if (fm.data && !templateId)
    problems.push({
      severity: 'error',
      code: 'schema',
      field: 'template',
      message: 'template: is missing; name the kind of letter, e.g. "template: nda-demand".',
      range: frontmatterRange(fm),
    });
  return { data, templateId, lang, format, problems };
}
