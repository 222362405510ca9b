import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { builtInTemplatesDir } from '../paths';
import type { Format } from './caseModel';
import type { Lang } from './dates';
import { parseFrontmatter } from './frontmatter';

export const LANGS: readonly Lang[] = ['ja', 'en'];
export const FORMATS: readonly Format[] = ['letter', 'email'];

export interface TemplateInfo {
  id: string;
  lang: Lang;
  title: string;
  description: string;
  /** A Handlebars string over the case data. */
  subject: string;
  body: string;
  path: string;
  source: 'built-in' | 'workspace';
}

export interface VendorPreset {
  id: string;
  ja: { company: string; department: string; programme: string };
  en: { company: string; department: string; programme: string };
}

export class CatalogueError extends Error {}

export interface Catalogue {
  ids(): string[];
  get(id: string, lang: Lang): TemplateInfo | undefined;
  all(lang: Lang): TemplateInfo[];
  /** Partials for one language and format: the most specific folder wins, workspace over built-in. */
  partials(lang: Lang, format: Format): ReadonlyMap<string, string>;
  vendors(): VendorPreset[];
  vendor(id: string): VendorPreset | undefined;
  /** Identifies this catalogue's content, so compiled environments can be cached against it. */
  readonly key: string;
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => extname(f) === ext)
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function readTemplate(path: string, lang: Lang, source: TemplateInfo['source']): TemplateInfo {
  const text = readFileSync(path, 'utf8');
  const fm = parseFrontmatter(text);
  const meta = fm.data ?? {};
  const str = (k: string) => (typeof meta[k] === 'string' ? (meta[k] as string) : '');
  const id = basename(path, '.md');
  const problem = fm.problems.find((p) => p.severity === 'error');
  if (problem) throw new CatalogueError(`${path}:${problem.range.start.line + 1}: ${problem.message}`);
  return { id, lang, title: str('title') || id, description: str('description'), subject: str('subject'), body: fm.body.replace(/^\r?\n/, ''), path, source };
}

function readPartials(root: string, lang: Lang, format: Format, into: Map<string, string>): void {
  for (const dir of [join(root, 'partials'), join(root, 'partials', lang), join(root, 'partials', lang, format)])
    for (const file of listFiles(dir, '.md')) into.set(basename(file, '.md'), readFileSync(file, 'utf8'));
}

function readVendors(root: string): VendorPreset[] {
  const file = join(root, 'vendors.yaml');
  if (!existsSync(file)) return [];
  const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new CatalogueError(`${file}: expected a list of vendor presets.`);
  return parsed as VendorPreset[];
}

function build(roots: { dir: string; source: TemplateInfo['source'] }[]): Catalogue {
  const templates = new Map<string, TemplateInfo>();
  const vendors = new Map<string, VendorPreset>();
  const partialCache = new Map<string, Map<string, string>>();
  for (const { dir, source } of roots) {
    for (const lang of LANGS)
      for (const file of listFiles(join(dir, lang), '.md')) {
        const t = readTemplate(file, lang, source);
        templates.set(`${lang}/${t.id}`, t);
      }
    for (const v of readVendors(dir)) vendors.set(v.id, v);
  }
  return {
    key: roots.map((r) => r.dir).join('|') + '#' + Date.now(),
    ids: () => [...new Set([...templates.values()].map((t) => t.id))].sort(),
    get: (id, lang) => templates.get(`${lang}/${id}`),
    all: (lang) => [...templates.values()].filter((t) => t.lang === lang),
    partials(lang, format) {
      const k = `${lang}/${format}`;
      let p = partialCache.get(k);
      if (!p) {
        p = new Map();
        for (const { dir } of roots) readPartials(dir, lang, format, p);
        partialCache.set(k, p);
      }
      return p;
    },
    vendors: () => [...vendors.values()],
    vendor: (id) => vendors.get(id),
  };
}

const cache = new Map<string, Catalogue>();

/**
 * The built-in catalogue, extended or overridden by a workspace folder of the
 * same layout. The caller decides whether the workspace is trusted enough to pass one.
 */
export function loadCatalogue(overrideDir?: string): Catalogue {
  const key = overrideDir ?? '';
  let c = cache.get(key);
  if (!c) {
    const roots: { dir: string; source: TemplateInfo['source'] }[] = [{ dir: builtInTemplatesDir(), source: 'built-in' }];
    if (overrideDir && existsSync(overrideDir)) roots.push({ dir: overrideDir, source: 'workspace' });
    c = build(roots);
    cache.set(key, c);
  }
  return c;
}

/** Forget cached catalogues, e.g. when a workspace template file changes. */
export function invalidateCatalogues(): void {
  cache.clear();
}
