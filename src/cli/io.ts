/** What a CLI subcommand may touch, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (for `-` as a file name). */
  readStdin(): Promise<Buffer>;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Thrown for bad usage; the dispatcher prints the message on one line and exits 2. */
export class UsageError extends Error {}
