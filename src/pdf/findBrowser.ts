import { statSync } from 'node:fs';
import * as path from 'node:path';
import { NoBrowserError } from './errors';

export interface FindBrowserOptions {
  /** A path the user configured; if it does not exist that is an error, never a silent fallback. */
  explicitPath?: string;
  /** Names the place the explicit path came from, for the error message. */
  explicitSource?: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** True for an existing regular file (symlinks followed). */
  isFile?: (p: string) => boolean;
}

export interface FoundBrowser {
  path: string;
  source: 'setting' | 'CHROME_PATH' | 'install location' | 'PATH';
}

export const BROWSER_SETTING = 'auditReply.pdf.browserPath';

function defaultIsFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function windowsCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [
    env['PROGRAMFILES'] ?? 'C:\\Program Files',
    env['PROGRAMFILES(X86)'] ?? env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
    env['LOCALAPPDATA'],
  ].filter((r): r is string => !!r);
  const apps = [
    'Microsoft\\Edge\\Application\\msedge.exe',
    'Google\\Chrome\\Application\\chrome.exe',
    'Chromium\\Application\\chrome.exe',
    'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
  ];
  // Browser first, then location: Edge anywhere beats Chrome in Program Files.
  return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
}

function macCandidates(env: NodeJS.ProcessEnv): string[] {
  const apps = [
    ['Microsoft Edge.app', 'Microsoft Edge'],
    ['Google Chrome.app', 'Google Chrome'],
    ['Chromium.app', 'Chromium'],
    ['Brave Browser.app', 'Brave Browser'],
  ];
  const roots = ['/Applications', ...(env['HOME'] ? [path.posix.join(env['HOME'], 'Applications')] : [])];
  return apps.flatMap(([bundle, exe]) => roots.map((root) => path.posix.join(root, bundle!, 'Contents', 'MacOS', exe!)));
}

const LINUX_CANDIDATES = [
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/brave-browser',
  '/snap/bin/chromium',
  '/snap/bin/brave',
  '/opt/microsoft/msedge/msedge',
  '/opt/google/chrome/chrome',
  '/opt/brave.com/brave/brave',
];

const PATH_NAMES = [
  'msedge',
  'microsoft-edge',
  'microsoft-edge-stable',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'chromium',
  'chromium-browser',
  'brave-browser',
  'brave',
];

/** The usual install locations, in order of preference, for one platform. */
export function installCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') return windowsCandidates(env);
  if (platform === 'darwin') return macCandidates(env);
  return LINUX_CANDIDATES;
}

function pathCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const win = platform === 'win32';
  const p = win ? path.win32 : path.posix;
  const dirs = (env['PATH'] ?? env['Path'] ?? '').split(win ? ';' : ':').filter(Boolean);
  const exts = win ? (env['PATHEXT'] ?? '.EXE').split(';').filter(Boolean).map((e) => e.toLowerCase()) : [''];
  return PATH_NAMES.flatMap((name) => dirs.flatMap((dir) => exts.map((ext) => p.join(dir, name + ext))));
}

/**
 * Finds a Chromium-family browser: the configured path, then CHROME_PATH, then
 * the usual install locations, then the usual names on PATH.
 */
export function findBrowser(opts: FindBrowserOptions = {}): FoundBrowser {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const isFile = opts.isFile ?? defaultIsFile;

  const explicit = opts.explicitPath?.trim();
  if (explicit) {
    if (isFile(explicit)) return { path: explicit, source: 'setting' };
    const from = opts.explicitSource ?? BROWSER_SETTING;
    throw new NoBrowserError(`The browser configured in ${from} does not exist: ${explicit}`, from);
  }

  const chromePath = env['CHROME_PATH']?.trim();
  if (chromePath) {
    if (isFile(chromePath)) return { path: chromePath, source: 'CHROME_PATH' };
    throw new NoBrowserError(`The browser named by the environment variable CHROME_PATH does not exist: ${chromePath}`, 'CHROME_PATH');
  }

  for (const candidate of installCandidates(platform, env)) {
    if (isFile(candidate)) return { path: candidate, source: 'install location' };
  }
  for (const candidate of pathCandidates(platform, env)) {
    if (isFile(candidate)) return { path: candidate, source: 'PATH' };
  }
  throw new NoBrowserError(
    'No Chromium-family browser (Edge, Chrome, Chromium or Brave) was found. ' +
      `Install one, or set ${opts.explicitSource ?? BROWSER_SETTING} (or the environment variable CHROME_PATH) to its executable.`,
    opts.explicitSource ?? BROWSER_SETTING,
  );
}
