import { stringify } from 'yaml';
import type { Catalogue } from './catalogue';
import { SENDER_FIELDS, type Format, type SenderProfile } from './caseModel';
import type { Lang } from './dates';
import type { CaseRecord } from './frontmatter';
import { closest } from './suggest';

export interface NewLetterOptions {
  template: string;
  lang: Lang;
  format: Format;
  vendor?: string;
  /** Case data to pre-fill (e.g. a case file); it wins over presets and the sender profile. */
  data?: CaseRecord;
  today: string;
  sender?: SenderProfile;
  catalogue: Catalogue;
}

export class NewLetterError extends Error {}

const VENDOR_FIELDS = ['company', 'department', 'person', 'email', 'programme', 'reference', 'letterDate', 'deadline'] as const;

function record(v: unknown): CaseRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as CaseRecord) : {};
}

/** Empty slots are written as bare keys, so a newcomer sees every field there is to fill. */
function withSlots(keys: readonly string[], ...layers: CaseRecord[]): CaseRecord {
  const out: CaseRecord = {};
  for (const k of keys) out[k] = null;
  for (const layer of layers)
    for (const [k, v] of Object.entries(layer)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

/** A new letter: frontmatter with the case data, then the template's body with its expressions left in. */
export function buildNewLetter(o: NewLetterOptions): string {
  const template = o.catalogue.get(o.template, o.lang);
  if (!template) {
    const ids = o.catalogue.ids();
    const hint = closest(o.template, ids);
    throw new NewLetterError(`Unknown template "${o.template}"${hint ? ` (did you mean "${hint}"?)` : ''}. Known templates: ${ids.join(', ')}.`);
  }
  let preset: CaseRecord = {};
  if (o.vendor) {
    const v = o.catalogue.vendor(o.vendor);
    if (!v) {
      const ids = o.catalogue.vendors().map((x) => x.id);
      throw new NewLetterError(`Unknown vendor preset "${o.vendor}". Known presets: ${ids.join(', ')}.`);
    }
    preset = { ...v[o.lang] };
  }
  const data = o.data ?? {};
  const { template: _t, lang: _l, format: _f, vendor, sender, date, ...rest } = data;
  const front: CaseRecord = {
    template: o.template,
    lang: o.lang,
    format: o.format,
    date: typeof date === 'string' && date ? date : o.today,
    vendor: withSlots(VENDOR_FIELDS, preset, record(vendor)),
    sender: withSlots(SENDER_FIELDS, o.sender ?? {}, record(sender)),
    consentClause: false,
    ...rest,
  };
  const yaml = stringify(front, { nullStr: '', lineWidth: 0 });
  return `---\n${yaml}---\n\n${template.body.replace(/\s*$/, '\n')}`;
}
