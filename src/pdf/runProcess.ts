import { spawn, spawnSync } from 'node:child_process';

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderrTail: string;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Bytes of stderr kept for error messages. */
  stderrLimit?: number;
}

export type RunOutcome = { kind: 'exited'; result: RunResult } | { kind: 'timeout'; result: RunResult } | { kind: 'aborted'; result: RunResult };

/**
 * Kills a process and everything it started. On POSIX the child leads its own
 * process group (spawned detached), so one signal reaches the renderer and GPU
 * helpers too; Windows needs taskkill's tree option.
 */
export function killTree(pid: number): void {
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

/** Runs a program to completion, or stops its whole tree on timeout or abort. */
export function runProcess(file: string, args: string[], opts: RunOptions): Promise<RunOutcome> {
  const limit = opts.stderrLimit ?? 4000;
  return new Promise((resolve, reject) => {
    let stderr = '';
    let ending: 'timeout' | 'aborted' | undefined;
    const child = spawn(file, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
      env: opts.env ?? process.env,
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-limit);
    });

    const stop = (why: 'timeout' | 'aborted') => {
      if (ending) return;
      ending = why;
      if (child.pid !== undefined) killTree(child.pid);
    };
    const timer = setTimeout(() => stop('timeout'), opts.timeoutMs);
    const onAbort = () => stop('aborted');
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    let settled = false;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      opts.signal?.removeEventListener('abort', onAbort);
      child.stderr?.destroy();
      resolve({ kind: ending ?? 'exited', result: { exitCode, signal, stderrTail: tailLines(stderr, 15) } });
    };
    let grace: NodeJS.Timeout | undefined;

    child.once('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    child.once('exit', (exitCode, signal) => {
      // Helpers left behind by a browser that exited must not outlive it, nor hold its stderr open.
      if (child.pid !== undefined && process.platform !== 'win32') killTree(child.pid);
      grace = setTimeout(() => finish(exitCode, signal), 2000);
    });
    // 'close' comes once stderr has ended too, so the tail is complete.
    child.once('close', (exitCode, signal) => finish(exitCode, signal));
  });
}

export function tailLines(text: string, lines: number): string {
  return text.trimEnd().split(/\r?\n/).slice(-lines).join('\n');
}
