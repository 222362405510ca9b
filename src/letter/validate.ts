import { isIP } from 'node:net';
import { frontmatterRange, rangeOfPath, type CaseRecord, type Frontmatter, type PathSegment } from './frontmatter';
import { parseIsoDate } from './dates';
import type { Problem } from './problems';
import { CASE_SCHEMA, type FieldSpec } from './schema';
import { closest } from './suggest';

export function isValidCidr(value: string): boolean {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(value.trim());
  if (!m) return false;
  const family = isIP(m[1]!);
  const bits = Number(m[2]);
  return (family === 4 && bits <= 32) || (family === 6 && bits <= 128);
}

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isValidCurrency(value: string): boolean {
  if (!/^[A-Z]{3}$/.test(value)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value });
    return true;
  } catch {
    return false;
  }
}

function describe(path: PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Checks the frontmatter against the case schema; every problem points at the field's own line. */
export function validateCase(fm: Frontmatter, data: CaseRecord): Problem[] {
  const problems: Problem[] = [];
  const at = (path: PathSegment[], key = false) => rangeOfPath(fm, path, key) ?? frontmatterRange(fm);
  const report = (path: PathSegment[], message: string, severity: Problem['severity'] = 'error', extra: Partial<Problem> = {}) =>
    problems.push({ severity, code: 'schema', message: `${describe(path)}: ${message}`, range: at(path), field: describe(path), ...extra });

  const checkValue = (path: PathSegment[], spec: FieldSpec, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (spec.derived) {
      report(path, 'is computed from the other fields; the value written here is ignored.', 'warning');
      return;
    }
    switch (spec.type) {
      case 'string':
      case 'text':
        if (typeof value !== 'string' && typeof value !== 'number') report(path, 'must be text.');
        else if (path[path.length - 1] === 'currency' && !isValidCurrency(String(value)))
          report(path, `"${value}" is not an ISO 4217 currency code (e.g. JPY, USD, EUR).`);
        return;
      case 'email':
        if (typeof value !== 'string') report(path, 'must be an e-mail address.');
        else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) report(path, `"${value}" does not look like an e-mail address.`, 'warning');
        return;
      case 'date':
        if (typeof value !== 'string' || !parseIsoDate(value))
          report(path, `"${String(value)}" is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-22.`);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') report(path, 'must be true or false.');
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) report(path, `"${String(value)}" is not a number.`);
        else if (spec.min !== undefined && value < spec.min) report(path, `must be at least ${spec.min}.`);
        else if (spec.max !== undefined && value > spec.max) report(path, `must be at most ${spec.max}.`);
        else if (spec.integer && !Number.isInteger(value)) report(path, 'must be a whole number.');
        return;
      case 'enum': {
        const values = spec.values ?? [];
        if (typeof value !== 'string' || !values.includes(value)) {
          const hint = typeof value === 'string' ? closest(value, values) : undefined;
          report(path, `must be one of ${values.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}.`, 'error', hint ? { suggestion: hint } : {});
        }
        return;
      }
      case 'cidr':
        if (typeof value !== 'string' || !isValidCidr(value))
          report(path, `"${String(value)}" is not an address range in CIDR form, e.g. 203.0.113.0/26 or 2001:db8::/48.`);
        return;
      case 'timezone':
        if (typeof value !== 'string' || !isValidTimeZone(value)) report(path, `"${String(value)}" is not a time zone name, e.g. Asia/Tokyo.`);
        return;
      case 'object':
        if (typeof value !== 'object' || Array.isArray(value)) report(path, 'must be a group of fields (key: value).');
        else if (spec.fields) checkFields(path, spec.fields, value as CaseRecord);
        return;
      case 'list':
        if (!Array.isArray(value)) report(path, 'must be a list (lines starting with "- ").');
        else if (spec.item) value.forEach((v, i) => checkValue([...path, i], spec.item!, v));
        return;
    }
  };

  const checkFields = (path: PathSegment[], fields: Readonly<Record<string, FieldSpec>>, obj: CaseRecord): void => {
    for (const [key, value] of Object.entries(obj)) {
      const spec = fields[key];
      if (spec) {
        checkValue([...path, key], spec, value);
        continue;
      }
      const hint = closest(key, Object.keys(fields));
      problems.push({
        severity: 'warning',
        code: 'unknown-field',
        message: `${describe([...path, key])}: unknown field${hint ? `; did you mean "${hint}"?` : '.'} Known here: ${Object.keys(fields).join(', ')}.`,
        range: at([...path, key], true),
        field: describe([...path, key]),
        ...(hint ? { suggestion: hint } : {}),
      });
    }
  };

  checkFields([], CASE_SCHEMA, data);
  return problems;
}
