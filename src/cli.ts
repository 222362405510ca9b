import { main } from './cli/main';
import type { CliIo } from './cli/io';

function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
  };
}

main(process.argv.slice(2), processIo()).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`audit-reply: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
