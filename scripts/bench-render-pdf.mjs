// Benchmark: letter rendering and PDF export, each against a yardstick measured
// in the same run (markdown-it; the browser's own --print-to-pdf). Prints figures; not a test.
//   node scripts/bench-render-pdf.mjs [--runs N] [--pdf-runs N]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const RUNS = opt('--runs', 200);
const PDF_RUNS = opt('--pdf-runs', 5);

// The bundle must live inside the repository: the code finds templates/ and media/ by walking up.
mkdirSync(join(root, '.cache'), { recursive: true });
const work = mkdtempSync(join(root, '.cache', 'bench-'));
const entry = join(work, 'entry.ts');
const src = (p) => JSON.stringify(join(root, 'src', p));
writeFileSync(
  entry,
  `export { renderLetter, clearRenderCaches } from ${src('letter/render')};
export { buildNewLetter } from ${src('letter/newLetter')};
export { loadCatalogue } from ${src('letter/catalogue')};
export { pdfPageHtml } from ${src('pdf/exportLetter')};
export { printToPdf, isRoot } from ${src('pdf/printToPdf')};
export { findBrowser } from ${src('pdf/findBrowser')};
`,
);

try {
  await esbuild.build({
    entryPoints: [entry],
    outfile: join(work, 'bench.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: [join(root, 'scripts', 'import-meta-url.js')],
    absWorkingDir: root,
  });
  const require = createRequire(join(work, 'bench.cjs'));
  const lib = require(join(work, 'bench.cjs'));
  const MarkdownIt = require(join(root, 'node_modules', 'markdown-it'));
  await run(lib, new MarkdownIt({ html: false, linkify: false }));
} finally {
  rmSync(work, { recursive: true, force: true });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeMany(fn, runs) {
  for (let i = 0; i < Math.min(50, runs); i++) fn(); // warm-up: JIT, caches
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function sampleLetter(lib) {
  return lib.buildNewLetter({
    template: 'nda-demand',
    lang: 'ja',
    format: 'letter',
    today: '2026-11-22',
    vendor: 'microsoft',
    catalogue: lib.loadCatalogue(),
    data: {
      vendor: { person: '山田 太郎', reference: 'SAM-2026-0042', letterDate: '2026-11-10', deadline: '2026-11-30' },
      sender: { company: '株式会社サンプル', department: '情報システム部', person: '佐藤 花子', email: 'it@example.jp', phone: '03-0000-0000' },
    },
  });
}

/** About 100 KB: the sample letter plus many paragraphs with expressions and a large table. */
function bigLetter(base) {
  const parts = [base, '\n'];
  const para =
    '{{vendor.company}}のご担当者様からの{{formatDate vendor.letterDate}}付けのご連絡につき、弊社の見解を改めて申し上げます。当該の記録は弊社のネットワークからのものであり、位置情報の推定には誤差があります。\n\n';
  for (let i = 0; i < 220; i++) parts.push(`${i + 1}. ${para}`);
  parts.push('| # | IP アドレス | 初回 | 最終 | 回数 | 所在地（主張） | 判定 |\n|---|---|---|---|---|---|---|\n');
  for (let i = 0; i < 500; i++) parts.push(`| ${i + 1} | 203.0.113.${i % 64} | 2026-10-01 09:${String(i % 60).padStart(2, '0')} | 2026-10-31 18:00 | ${i * 3} | 北海道 / 沖縄 | 本社 無線LAN |\n`);
  return parts.join('');
}

async function run(lib, md) {
  const typical = sampleLetter(lib);
  const big = bigLetter(typical);
  console.log(`render: typical letter ${Buffer.byteLength(typical)} B, big letter ${Buffer.byteLength(big)} B, ${RUNS} runs after warm-up`);
  // The situations: the first render of a letter in a session that has rendered others (its
  // body not yet parsed or compiled), the first render of a session (Handlebars environments and
  // partials compiled too; the catalogue is loaded in both), re-renders after the user changed
  // one paragraph or one table row (the preview while typing), and a re-render of unchanged text.
  // The JIT is warm in every situation: these are medians after warm-up.
  for (const [name, source, target] of [
    ['typical', typical, 5],
    ['100 KB', big, 60],
  ]) {
    const runs = name === 'typical' ? RUNS : Math.max(20, RUNS / 5);
    lib.clearRenderCaches();
    const r = lib.renderLetter(source, { today: '2026-11-22' });
    const errors = r.problems.filter((p) => p.severity === 'error');
    if (errors.length) console.log(`  (${name}: ${errors.length} errors, e.g. ${errors[0].message})`);
    const yard = timeMany(() => md.render(r.markdown), runs);
    const first = timeMany(() => {
      lib.clearRenderCaches();
      lib.renderLetter(source, { today: '2026-11-22' });
    }, runs);
    const firstInSession = timeMany(() => {
      lib.clearRenderCaches(true);
      lib.renderLetter(source, { today: '2026-11-22' });
    }, runs);
    let edit = 0;
    const anchor = source.lastIndexOf('申し上げます。');
    const edited = () => source.slice(0, anchor) + `（${edit++}）` + source.slice(anchor);
    const typing = timeMany(() => lib.renderLetter(edited(), { today: '2026-11-22' }), runs);
    // In a table: one address cell of the big letter's table, changed on every render.
    const cell = '| 203.0.113.5 |';
    const row = source.indexOf(cell);
    const inRow = () => `${source.slice(0, row)}| 198.51.${(edit >> 8) & 255}.${edit++ & 255} |${source.slice(row + cell.length)}`;
    const rowTyping = row >= 0 ? timeMany(() => lib.renderLetter(inRow(), { today: '2026-11-22' }), runs) : undefined;
    const same = timeMany(() => lib.renderLetter(source, { today: '2026-11-22' }), runs);
    const verdict = (ms) => `${ms.toFixed(2)} ms (target ≤ ${target} ms: ${ms <= target ? 'met' : 'NOT met'}; ${(ms / yard).toFixed(1)}× markdown-it)`;
    console.log(`  ${name.padEnd(8)} markdown-it on the resolved Markdown ${yard.toFixed(2)} ms`);
    console.log(`           renderLetter, first render        ${verdict(first)}`);
    console.log(`           renderLetter, session's first     ${verdict(firstInSession)}`);
    console.log(`           renderLetter, one paragraph edited ${verdict(typing)}`);
    if (rowTyping !== undefined) console.log(`           renderLetter, one table row edited ${verdict(rowTyping)}`);
    console.log(`           renderLetter, unchanged text       ${verdict(same)}`);
  }

  // Memory while typing: every edit adds a parsed piece and maybe a compiled chunk to the caches,
  // which are bounded; the heap should level off, not grow with the number of keystrokes.
  if (typeof globalThis.gc === 'function') {
    const heap = () => {
      globalThis.gc();
      return process.memoryUsage().heapUsed / 1e6;
    };
    const cell = '| 203.0.113.5 |';
    const row = big.indexOf(cell);
    const anchor = big.lastIndexOf('申し上げます。');
    for (const [what, edited] of [
      ['one table cell', (i) => `${big.slice(0, row)}| 10.0.${i >> 8}.${i & 255} |${big.slice(row + cell.length)}`],
      ['one paragraph with expressions', (i) => `${big.slice(0, anchor)}（${i}）${big.slice(anchor)}`],
    ]) {
      lib.clearRenderCaches(true);
      lib.renderLetter(big, { today: '2026-11-22' });
      const base = heap();
      const marks = [];
      for (let i = 1; i <= 1500; i++) {
        lib.renderLetter(edited(i), { today: '2026-11-22' });
        if (i % 500 === 0) marks.push(`${i} edits +${(heap() - base).toFixed(0)} MB`);
      }
      console.log(`  memory, 100 KB letter, ${what} edited again and again: ${marks.join(', ')} (heap above the first render)`);
    }
  }

  let chrome;
  try {
    chrome = lib.findBrowser().path;
  } catch (e) {
    console.log(`pdf: skipped, ${e.message}`);
    return;
  }
  const result = lib.renderLetter(typical, { today: '2026-11-22' });
  const html = lib.pdfPageHtml(result, 'A4');
  const dir = mkdtempSync(join(root, '.cache', 'bench-pdf-'));
  try {
    const page = join(dir, 'page.html');
    writeFileSync(page, html);
    const bareArgs = (out, profile) => [
      '--headless',
      ...(profile ? [`--user-data-dir=${profile}`] : []),
      ...(lib.isRoot() ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    const ours = [];
    const bare = [];
    const bareFresh = [];
    // Interleaved, after one warm-up each, so disk cache and CPU state are shared fairly.
    spawnSync(chrome, bareArgs(join(dir, 'warm.pdf')), { stdio: 'ignore' });
    await lib.printToPdf({ html, output: join(dir, 'warm2.pdf'), browserPath: chrome, overwrite: true });
    for (let i = 0; i < PDF_RUNS; i++) {
      let t = performance.now();
      const r = spawnSync(chrome, bareArgs(join(dir, `bare-${i}.pdf`)), { stdio: 'ignore' });
      bare.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`bare browser run failed with ${r.status}`);
      // The same, but with a new empty profile each time, as printToPdf uses.
      const profile = mkdtempSync(join(dir, 'profile-'));
      t = performance.now();
      spawnSync(chrome, bareArgs(join(dir, `fresh-${i}.pdf`), profile), { stdio: 'ignore' });
      bareFresh.push(performance.now() - t);
      rmSync(profile, { recursive: true, force: true });
      t = performance.now();
      await lib.printToPdf({ html, output: join(dir, `ours-${i}.pdf`), browserPath: chrome });
      ours.push(performance.now() - t);
    }
    const o = median(ours);
    const b = median(bare);
    const f = median(bareFresh);
    const name = chrome.split('/').pop();
    console.log(`pdf: ${chrome}, ${PDF_RUNS} runs each, interleaved`);
    console.log(`  printToPdf (temp files, fresh profile, atomic write) median ${o.toFixed(0)} ms`);
    console.log(`  bare ${name} --headless --print-to-pdf (default profile) median ${b.toFixed(0)} ms -> ratio ${(o / b).toFixed(2)} (target ≤ 1.2: ${o / b <= 1.2 ? 'met' : 'NOT met'})`);
    console.log(`  bare with a fresh --user-data-dir median ${f.toFixed(0)} ms -> ratio ${(o / f).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
