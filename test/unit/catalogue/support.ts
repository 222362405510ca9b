import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { extensionRoot } from '../../../src/paths';
import { loadCatalogue } from '../../../src/letter/catalogue';
import type { Format } from '../../../src/letter/caseModel';
import type { Lang } from '../../../src/letter/dates';
import type { CaseRecord } from '../../../src/letter/frontmatter';
import { buildNewLetter } from '../../../src/letter/newLetter';
import { renderLetter, type RenderResult } from '../../../src/letter/render';

export const KINDS = [
  'nda-demand',
  'cost-quote',
  'evidence-request',
  'consent-clause',
  'geo-rebuttal',
  'info-only-ack',
  'closure-request',
  'sender-verification',
  'billing-dispute',
] as const;
export type Kind = (typeof KINDS)[number];
export const LANGS: readonly Lang[] = ['ja', 'en'];
export const FORMATS: readonly Format[] = ['letter', 'email'];

export const TODAY = '2026-11-24';

export function fullCase(): CaseRecord {
  return parseYaml(readFileSync(join(extensionRoot(), 'test', 'fixtures', 'full-case.yaml'), 'utf8')) as CaseRecord;
}

export const catalogue = () => loadCatalogue();

/** The source of a new letter, exactly as `audit-reply new --data` writes it. */
export function newLetter(template: string, lang: Lang, format: Format, data: CaseRecord = fullCase(), vendor?: string): string {
  return buildNewLetter({ template, lang, format, data, today: TODAY, catalogue: catalogue(), ...(vendor ? { vendor } : {}) });
}

export function render(template: string, lang: Lang, format: Format, data: CaseRecord = fullCase()): RenderResult {
  return renderLetter(newLetter(template, lang, format, data), { catalogue: catalogue(), today: TODAY });
}

export function errors(r: RenderResult) {
  return r.problems.filter((p) => p.severity === 'error');
}

/** A deep copy with changes applied at dotted paths; `undefined` deletes the key. */
export function variant(changes: Record<string, unknown>, base: CaseRecord = fullCase()): CaseRecord {
  const copy = structuredClone(base);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    let obj = copy as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) obj = (obj[k] ??= {}) as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    if (value === undefined) delete obj[last];
    else obj[last] = value;
  }
  return copy;
}
