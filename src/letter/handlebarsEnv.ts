import Handlebars from 'handlebars';
import type { Catalogue } from './catalogue';
import type { Format } from './caseModel';
import type { Lang } from './dates';
import { HELPERS } from './helpers';

export type HandlebarsEnv = typeof Handlebars;

// Denied prototype lookups are reported as unknown fields by the analysis; the console need not hear of them.
Handlebars.logger.level = 4;

let envs = new WeakMap<Catalogue, Map<string, HandlebarsEnv>>();

/**
 * An isolated Handlebars per catalogue, language and format: `{{> opening}}`
 * means the Japanese e-mail opening in a Japanese e-mail. Prototype-access
 * protections stay at their safe defaults.
 */
export function environmentFor(catalogue: Catalogue, lang: Lang, format: Format): HandlebarsEnv {
  let byKey = envs.get(catalogue);
  if (!byKey) envs.set(catalogue, (byKey = new Map()));
  const key = `${lang}/${format}`;
  let hb = byKey.get(key);
  if (!hb) {
    hb = Handlebars.create();
    for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
    for (const [name, source] of catalogue.partials(lang, format)) hb.registerPartial(name, source);
    byKey.set(key, hb);
  }
  return hb;
}

/** Forgets the environments and the partials compiled in them (for measuring a first render). */
export function clearEnvironments(): void {
  envs = new WeakMap();
}

/** Compile options: values are escaped for Markdown before rendering, so Handlebars' HTML escaping is off. */
export const COMPILE_OPTIONS = { noEscape: true, strict: false, preventIndent: false } as const;
