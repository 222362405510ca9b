// Installs what the real-VS-Code tests need into .cache/e2e/ (never into the project):
// Node 24 from npm, and code-server (VS Code on Node) built against Node 24's headers.
// A stamp file with the versions makes a second run return at once.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HarnessError, cacheDir, log, run, tools, which } from './lib.mjs';
import { spawnSync } from 'node:child_process';

export const NODE_VERSION = process.env.E2E_NODE_VERSION ?? '24.21.0';
export const CODE_SERVER_VERSION = process.env.E2E_CODE_SERVER_VERSION ?? '4.139.1';
const APT_PACKAGES = 'chromium libkrb5-dev pkg-config';

function checkPrerequisites() {
  const missing = [];
  if (!which('chromium')) missing.push('chromium (drives the workbench)');
  if (!which('pkg-config')) missing.push('pkg-config (code-server native build)');
  else if (spawnSync('pkg-config', ['--exists', 'krb5-gssapi']).status !== 0) missing.push('libkrb5-dev (kerberos headers for code-server)');
  for (const tool of ['make', 'g++', 'python3']) if (!which(tool)) missing.push(`${tool} (node-gyp build)`);
  if (missing.length) {
    throw new HarnessError(
      `missing prerequisites:\n  - ${missing.join('\n  - ')}\n` +
      `install them with:  apt-get update && apt-get install -y ${APT_PACKAGES} build-essential python3`,
    );
  }
}

function readStamp() {
  try { return JSON.parse(readFileSync(tools.stamp, 'utf8')); } catch { return null; }
}

function npmInstall(dir, spec, env) {
  mkdirSync(dir, { recursive: true });
  // Its own package.json, so nothing is added to the project's manifest or lockfile.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `e2e-${spec.split('@')[0]}`, private: true }, null, 2) + '\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, env });
}

export function setup() {
  const started = Date.now();
  checkPrerequisites();
  const want = { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION };
  const have = readStamp();
  if (have && have.node === want.node && have.codeServer === want.codeServer && existsSync(tools.node) && existsSync(tools.codeServerEntry)) {
    log(`cache ready (node ${want.node}, code-server ${want.codeServer})`);
    return;
  }
  log(`installing node ${want.node} and code-server ${want.codeServer} into ${cacheDir} (first run: a few minutes, ~620 MB)`);
  rmSync(tools.stamp, { force: true });

  const nodeDir = join(cacheDir, 'node24');
  npmInstall(nodeDir, `node@${NODE_VERSION}`, process.env);
  if (!existsSync(tools.node)) throw new HarnessError(`node@${NODE_VERSION} installed but ${tools.node} is missing`);
  const version = spawnSync(tools.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (version !== `v${NODE_VERSION}`) throw new HarnessError(`expected Node v${NODE_VERSION}, got '${version}' from ${tools.node}`);

  // node-gyp expects common.gypi at the top of nodedir; the npm package keeps it under include/node.
  const dist = dirname(dirname(tools.node));
  const headers = join(cacheDir, 'node24-headers');
  rmSync(headers, { recursive: true, force: true });
  mkdirSync(headers, { recursive: true });
  cpSync(join(dist, 'include'), join(headers, 'include'), { recursive: true });
  symlinkSync(join('include', 'node', 'common.gypi'), join(headers, 'common.gypi'));
  copyFileSync(join(dist, 'package.json'), join(headers, 'package.json'));

  // Under `npm run`, the outer npm (on the system Node) exports npm_config_* settings, among them a
  // user agent naming its Node version, which code-server's postinstall reads as the Node it runs on.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const env = {
    ...inherited,
    // Install scripts (code-server's postinstall, node-gyp) must see Node 24, not the system Node.
    PATH: `${dirname(tools.node)}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: headers,
    npm_config_build_from_source: 'true',
  };
  npmInstall(join(cacheDir, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, env);
  if (!existsSync(tools.codeServerEntry)) throw new HarnessError(`code-server installed but ${tools.codeServerEntry} is missing`);

  writeFileSync(tools.stamp, JSON.stringify({ ...want, installedAt: new Date().toISOString() }, null, 2) + '\n');
  log(`setup done in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    setup();
  } catch (err) {
    process.stderr.write(`[e2e] setup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
