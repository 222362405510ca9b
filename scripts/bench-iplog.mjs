// Benchmark of the IP-log analysis (not a test): throughput, peak memory and
// the ratio to papaparse's bare parse of the same Salesforce-style CSV.
// Usage: node scripts/bench-iplog.mjs [rows ...]   (default: 100000 250000 1000000)
// Each measurement runs in its own process so peak RSS (VmHWM) belongs to it alone.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

function peakRssMb() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

if (process.argv[2] === '--child') {
  const [, , , kind, file, bundle] = process.argv;
  const bytes = readFileSync(file);
  const baseline = peakRssMb();
  let out;
  if (kind === 'analyze') {
    const { analyzeLog } = createRequire(import.meta.url)(bundle);
    const t0 = performance.now();
    const r = analyzeLog(bytes, { networks: [{ cidr: '203.0.113.0/24', label: 'office' }], timezone: 'Asia/Tokyo', lang: 'en', maxBytes: Infinity });
    const ms = performance.now() - t0;
    out = { ms, events: r.events, ips: r.ips.length, users: r.users.length, switches: r.switchCount, flagged: r.flaggedCount, unread: r.unreadRows.count };
  } else {
    const Papa = createRequire(join(root, 'package.json'))('papaparse');
    const t0 = performance.now();
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const t1 = performance.now();
    const parsed = Papa.parse(text, { header: false, skipEmptyLines: true });
    const ms = performance.now() - t1;
    out = { ms, decodeMs: t1 - t0, rows: parsed.data.length };
  }
  out.peakMb = peakRssMb();
  out.baselineMb = baseline;
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

/** A Salesforce-style export, newest first: `users` people each on a few of `ips` addresses. */
async function writeLog(file, rows, users = 3000, ips = 4000) {
  const stream = createWriteStream(file);
  const write = (s) => (stream.write(s) ? undefined : new Promise((r) => stream.once('drain', r)));
  const places = ['Tokyo, Tokyo, Japan', 'Sapporo, Hokkaido, Japan', 'Naha, Okinawa, Japan', 'Osaka, Osaka, Japan', 'Fukuoka, Fukuoka, Japan', 'Singapore, Singapore'];
  const devices = [['Chrome 122', 'Windows 10'], ['Safari 17', 'iOS/iPhone'], ['Safari 17', 'iPad'], ['Edge 122', 'Windows 11']];
  const address = (i) => `${11 + (i % 200)}.${(i * 7) % 256}.${(i * 13) % 256}.${1 + (i % 250)}`;
  // mulberry32: small, seeded, good enough to spread users and addresses evenly.
  let seed = 42;
  const rand = (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
  // Most logins of a user come from the address they used last; some switch (phone, home, second line).
  const lastIp = new Map();
  await write('"Username","Login Time","Source IP","Login Type","Status","Browser","Platform","Application","Client Version","API Type","API Version","Login URL","Location"\n');
  const start = Date.UTC(2024, 2, 31, 23, 59);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const u = rand(users);
    const ip = lastIp.has(u) && rand(10) < 8 ? lastIp.get(u) : (u * 3 + rand(3)) % ips;
    lastIp.set(u, ip);
    const [browser, platform] = devices[rand(devices.length)];
    const t = new Date(start - Math.floor((i / rows) * 30 * 24 * 60) * 60_000);
    const h = t.getUTCHours();
    const time = `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${t.getUTCFullYear()} ${h % 12 || 12}:${String(t.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
    const status = rand(50) === 0 ? 'Invalid Password' : 'Success';
    chunk += `"user${u}@example.com","${time}","${address(ip)}","Application","${status}","${browser}","${platform}","Browser","N/A","N/A","N/A","login.salesforce.com","${places[ip % places.length]}"\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((r) => stream.end(r));
}

function child(kind, file, bundle) {
  const res = spawnSync(process.execPath, ['--max-old-space-size=8192', self, '--child', kind, file, bundle], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.status !== 0) throw new Error(`${kind} failed: ${res.stderr}`);
  return JSON.parse(res.stdout);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-iplog-'));
try {
  const bundle = join(dir, 'iplog.cjs');
  await build({ entryPoints: [join(root, 'src/iplog/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'warning' });
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const results = [];
  for (const rows of sizes.length ? sizes : [100_000, 250_000, 1_000_000]) {
    const file = join(dir, `log-${rows}.csv`);
    await writeLog(file, rows);
    const mb = statSync(file).size / 1024 / 1024;
    const a = child('analyze', file, bundle);
    const p = child('papaparse', file, bundle);
    results.push({ rows, mb, a, p });
    console.log(`\n${rows.toLocaleString('en-US')} rows, ${mb.toFixed(1)} MB, ${a.users} users, ${a.ips} addresses, ${a.switches} switches (${a.flagged} flagged), ${a.unread} unread`);
    console.log(`  analyzeLog          ${(a.ms / 1000).toFixed(2)} s   ${(mb / (a.ms / 1000)).toFixed(0)} MB/s   peak RSS ${a.peakMb.toFixed(0)} MB (${(a.peakMb - a.baselineMb).toFixed(0)} MB above the loaded file)`);
    console.log(`  papaparse (parse)   ${(p.ms / 1000).toFixed(2)} s   ${(mb / (p.ms / 1000)).toFixed(0)} MB/s   peak RSS ${p.peakMb.toFixed(0)} MB (${(p.peakMb - p.baselineMb).toFixed(0)} MB above the loaded file); +${(p.decodeMs / 1000).toFixed(2)} s to decode`);
    console.log(`  ratio analyze / papaparse parse: ${(a.ms / p.ms).toFixed(2)}   (with decode: ${(a.ms / (p.ms + p.decodeMs)).toFixed(2)})`);
  }
  const big = results.find((r) => r.rows === 1_000_000);
  const mid = results.find((r) => r.rows === 250_000);
  const small = results.find((r) => r.rows === 100_000);
  console.log('\nTargets');
  if (small) console.log(`  100,000 rows under 1 s:       ${(small.a.ms / 1000).toFixed(2)} s  ${small.a.ms < 1000 ? 'met' : 'NOT met'}`);
  if (big) console.log(`  1,000,000 rows under 5 s:     ${(big.a.ms / 1000).toFixed(2)} s  ${big.a.ms < 5000 ? 'met' : 'NOT met'}`);
  if (big) console.log(`  ratio to papaparse <= 1.5:    ${(big.a.ms / big.p.ms).toFixed(2)}  ${big.a.ms / big.p.ms <= 1.5 ? 'met' : 'NOT met'}`);
  if (big && mid) {
    const grow = (r) => r.a.peakMb - r.a.baselineMb;
    console.log(`  memory above the input, 250k → 1M rows: ${grow(mid).toFixed(0)} MB → ${grow(big).toFixed(0)} MB (rows ×4; papaparse ${(mid.p.peakMb - mid.p.baselineMb).toFixed(0)} → ${(big.p.peakMb - big.p.baselineMb).toFixed(0)} MB)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
