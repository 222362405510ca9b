import { checkCommand } from './check';
import { newCommand } from './new';
import { renderCommand } from './render';
import { analyzeCommand } from './analyze';
import { pdfCommand } from './pdf';
import { EXIT_USAGE, UsageError, type CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  new: { run: newCommand, summary: 'write a new letter from a template' },
  check: { run: checkCommand, summary: 'list every problem in a letter (exit 1 on errors)' },
  render: { run: renderCommand, summary: 'render a letter to HTML, e-mail text or resolved Markdown' },
  pdf: { run: pdfCommand, summary: 'export a letter to PDF through the Chromium-family browser on this machine' },
  analyze: { run: analyzeCommand, summary: 'analyse a vendor login log: addresses, impossible travel, findings' },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: audit-reply <command> [options]\n\ncommands:\n${rows.join('\n')}\n\nRun "audit-reply <command> --help" for a command's options.\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`audit-reply: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`audit-reply ${name}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`audit-reply ${name}: ${(e as Error).message}\n`);
    return 1;
  }
}
