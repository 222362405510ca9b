import { chmodSync, mkdtempSync, readdirSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A folder of its own per test, so counting its entries proves nothing was left behind. */
const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function freshDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ar-test-${prefix}-`));
  made.push(dir);
  return dir;
}

export function entries(dir: string): string[] {
  return readdirSync(dir);
}

function script(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  chmodSync(file, 0o755);
  return file;
}

/** Writes a tiny PDF where --print-to-pdf says, and records its arguments. */
export function fakePrinter(dir: string): { path: string; argsFile: string } {
  const argsFile = join(dir, 'args.json');
  const body = `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(args));
const out = args.find((a) => a.startsWith('--print-to-pdf='));
fs.writeFileSync(out.slice('--print-to-pdf='.length), '%PDF-1.4\\n% fake printer\\n%%EOF\\n');
`;
  return { path: script(dir, 'fake-printer', body), argsFile };
}

export function readArgs(argsFile: string): string[] {
  return JSON.parse(readFileSync(argsFile, 'utf8')) as string[];
}

/** Starts a helper (like Chromium's renderer) and then never finishes; writes the helper's pid. */
export function fakeHanging(dir: string): { path: string; childPidFile: string } {
  const childPidFile = join(dir, 'child.pid');
  const body = `#!/bin/sh
/bin/sleep 300 &
echo $! > ${JSON.stringify(childPidFile)}
echo "fake browser: hanging" >&2
wait
`;
  return { path: script(dir, 'fake-hanging', body), childPidFile };
}

export function fakeFailing(dir: string): string {
  const body = `#!/bin/sh
echo "[0101/000000.000:ERROR:fake_browser.cc(1)] cannot open display" >&2
echo "fake browser: giving up" >&2
exit 3
`;
  return script(dir, 'fake-failing', body);
}

/** Exits 0 but prints nothing, as a browser that ignored --print-to-pdf would. */
export function fakeSilent(dir: string): string {
  return script(dir, 'fake-silent', '#!/bin/sh\nexit 0\n');
}

/** True once the process is gone or a zombie awaiting its reaper. */
export function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  const state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '')[0];
  return state === 'Z' || state === 'X';
}

export async function waitUntil(check: () => boolean, limitMs = 5000): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}
