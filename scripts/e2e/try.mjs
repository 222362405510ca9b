// npm run try — the extension in a real VS Code (code-server) on 127.0.0.1 with the Salesforce
// sample case open, for trying it by hand in a browser. Runs until Ctrl+C.
// Options: --no-build, --port N (default: a free port).
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  HarnessError, buildAndPackage, ensureSetUp, freePort, installExtension, log, makeProfile, repo,
  startCodeServer, stopAll, stopOnSignals,
} from './lib.mjs';

const argv = process.argv.slice(2);
const portArg = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : 0;

async function main() {
  ensureSetUp();
  const vsix = buildAndPackage({ build: !argv.includes('--no-build'), withTests: false });
  const profile = makeProfile('audit-reply-try-');
  stopOnSignals(() => rmSync(profile.root, { recursive: true, force: true }));
  cpSync(join(repo, 'test', 'fixtures', 'try-workspace'), profile.workspace, { recursive: true });
  installExtension(profile, vsix);
  const port = portArg || (await freePort());
  const server = await startCodeServer(profile, port);
  server.child.on('exit', (code) => {
    log(`code-server stopped (${code}); its output:\n${server.output().slice(-3000)}`);
    rmSync(profile.root, { recursive: true, force: true });
    process.exit(1);
  });
  process.stdout.write(
    `\nAudit Reply is running in VS Code (code-server) at:\n\n    ${server.url}\n\n` +
    `Workspace (a temporary copy of test/fixtures/try-workspace): ${profile.workspace}\n` +
    'Open salesforce-reply.md, or run "Audit Reply: New audit reply" from the palette (F1).\n' +
    'Press Ctrl+C to stop.\n',
  );
  // Keep running until a signal arrives; stopOnSignals stops code-server and removes the folders.
  await new Promise(() => {});
}

main().catch((err) => {
  stopAll();
  process.stderr.write(`[try] ${err instanceof HarnessError ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
