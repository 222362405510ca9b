// Benchmarks: prints figures and ratios against yardsticks measured in the same run. Not a test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
let failed = false;
for (const [name, file] of [['render and PDF', 'bench-render-pdf.mjs'], ['IP analysis', 'bench-iplog.mjs']]) {
  if (only && !file.includes(only)) continue;
  const path = join(here, file);
  if (!existsSync(path)) continue;
  console.log(`\n=== ${name} (${file})`);
  const r = spawnSync(process.execPath, ['--expose-gc', path], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
