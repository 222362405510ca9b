import type { HelperOptions } from 'handlebars';
import { addDays } from 'date-fns';
import { addBusinessDays, formatDate, formatEraDate, parseIsoDate, toIsoDate, type Lang } from './dates';

/**
 * Helpers see case values already escaped for Markdown (see render.ts), so
 * what they return is inserted as is; literal text they add must be safe too.
 */
type Root = { lang?: unknown; eraDates?: unknown; quote?: { currency?: unknown } };

function root(options: HelperOptions | undefined): Root {
  return ((options?.data as { root?: Root } | undefined)?.root ?? {}) as Root;
}

function langOf(options: HelperOptions | undefined): Lang {
  return root(options).lang === 'en' ? 'en' : 'ja';
}

/** Handlebars passes its options object last; anything before it is a real argument. */
function split(args: unknown[]): { params: unknown[]; options: HelperOptions | undefined } {
  const last = args[args.length - 1];
  const isOptions = typeof last === 'object' && last !== null && 'hash' in last && 'data' in last;
  return isOptions ? { params: args.slice(0, -1), options: last as HelperOptions } : { params: args, options: undefined };
}

function asDate(value: unknown): Date | undefined {
  return typeof value === 'string' ? parseIsoDate(value.replace(/\\/g, '')) : undefined;
}

export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** 2026年11月22日 / 22 November 2026; 令和 when the letter asks for era dates. */
  formatDate(...args) {
    const { params, options } = split(args);
    const d = asDate(params[0]);
    if (!d) return params[0] ?? '';
    const lang = langOf(options);
    return lang === 'ja' && root(options).eraDates === true ? formatEraDate(d) : formatDate(d, lang);
  },
  eraDate(...args) {
    const { params } = split(args);
    const d = asDate(params[0]);
    return d ? formatEraDate(d) : params[0] ?? '';
  },
  /** An ISO date `n` business days on, skipping weekends and (in Japanese letters) public holidays. */
  addBusinessDays(...args) {
    const { params, options } = split(args);
    const d = asDate(params[0]);
    return d ? toIsoDate(addBusinessDays(d, Number(params[1] ?? 0), langOf(options))) : '';
  },
  addDays(...args) {
    const { params } = split(args);
    const d = asDate(params[0]);
    return d ? toIsoDate(addDays(d, Number(params[1] ?? 0))) : '';
  },
  /** ¥-free Japanese form (15,000円) for yen in Japanese letters, the locale's form otherwise. */
  currency(...args) {
    const { params, options } = split(args);
    const amount = Number(params[0]);
    if (!Number.isFinite(amount)) return '';
    const code = String(params[1] ?? root(options).quote?.currency ?? 'JPY');
    const lang = langOf(options);
    if (lang === 'ja' && code === 'JPY') return `${new Intl.NumberFormat('ja-JP').format(amount)}円`;
    try {
      return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { style: 'currency', currency: code }).format(amount);
    } catch {
      return `${amount} ${code}`;
    }
  },
  number(...args) {
    const { params, options } = split(args);
    const n = Number(params[0]);
    return Number.isFinite(n) ? new Intl.NumberFormat(langOf(options) === 'ja' ? 'ja-JP' : 'en-GB').format(n) : '';
  },
  percent(...args) {
    const { params } = split(args);
    const n = Number(params[0]);
    return Number.isFinite(n) ? `${Math.round(n * 1000) / 10}%` : '';
  },
  /**
   * The addressee block: 御中 after an organisation, 様 after a person, as
   * Japanese letters require; name, department, company in English.
   */
  recipient(...args) {
    const { params, options } = split(args);
    const v = (params[0] ?? {}) as Record<string, unknown>;
    const s = (k: string) => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : '');
    const lines: string[] = [];
    if (langOf(options) === 'ja') {
      if (s('person')) lines.push(s('company'), s('department'), `${s('person')} 様`);
      else lines.push(s('company'), `${s('department')} 御中`.trim());
    } else {
      lines.push(s('person'), s('department'), s('company'));
    }
    return lines.filter((l) => l && l !== '御中').join('\\\n') || (langOf(options) === 'ja' ? 'ご担当者様' : '');
  },
  /** Who the greeting names: 鈴木 次郎様 / ご担当者様; Jiro Suzuki / Sir or Madam. */
  salutation(...args) {
    const { params, options } = split(args);
    const person = typeof params[0] === 'string' ? params[0] : '';
    if (langOf(options) === 'ja') return person ? `${person}様` : 'ご担当者様';
    return person || 'Sir or Madam';
  },
  eq: (...args) => split(args).params[0] === split(args).params[1],
  ne: (...args) => split(args).params[0] !== split(args).params[1],
  and: (...args) => split(args).params.every(Boolean),
  or: (...args) => split(args).params.some(Boolean),
  not: (...args) => !split(args).params[0],
  join(...args) {
    const { params } = split(args);
    return Array.isArray(params[0]) ? params[0].join(typeof params[1] === 'string' ? params[1] : ', ') : '';
  },
};

export const HELPER_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(HELPERS),
  // Handlebars' own
  'if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing',
]);
