// Driving the VS Code workbench in Chromium the way a person does: keyboard, palette, quick picks.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { HarnessError, log, sleep, waitFor, which } from './lib.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

/** Launches Debian's chromium through a Playwright browser server, so the harness knows its pid. */
export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH || which('chromium');
  if (!executablePath) throw new HarnessError('chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  const server = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    pid: server.process().pid,
    async close() {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      const pid = server.process().pid;
      if (pid) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
}

export async function openWorkbench(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' });
  // The letter commands use the clipboard; in a browser that needs permission.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 }).catch(() => {
    throw new HarnessError(`the workbench (.monaco-workbench) did not appear within 90 s at ${url}`);
  });
  // Let the first layout and extension scan settle before typing.
  await page.waitForSelector('.part.statusbar', { timeout: 30_000 }).catch(() => {});
  await sleep(1500);
  return page;
}

const quickInput = '.quick-input-widget';
const quickRows = `${quickInput} .quick-input-list .monaco-list-row`;

export async function quickInputVisible(page) {
  return page.locator(quickInput).isVisible().catch(() => false);
}

/** Rows of the open quick input in list order (the list is virtual: DOM order may differ). */
async function rows(page) {
  const all = await page.locator(quickRows).evaluateAll((els) => els.map((r) => ({
    index: Number(r.getAttribute('data-index') ?? 0),
    label: r.getAttribute('aria-label') || r.textContent || '',
    focused: r.classList.contains('focused'),
  })));
  return all.sort((a, b) => a.index - b.index);
}

async function rowLabels(page) {
  return (await rows(page)).map((r) => r.label);
}

/** Quick open (Ctrl+P) a workspace file by name, as a person would. */
export async function quickOpenFile(page, name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await page.waitForSelector(quickInput, { state: 'visible', timeout: 10_000 }).catch(() => {
    throw new HarnessError('Ctrl+P did not open quick open');
  });
  await page.keyboard.type(name, { delay: 20 });
  await waitFor(`quick open to list ${name}`, 15_000, async () => (await rowLabels(page)).some((l) => l.includes(name)));
  await page.keyboard.press('Enter');
  await waitFor(`an editor tab for ${name}`, 15_000, async () => page.locator(`.tabs-container .tab[aria-label*="${name}"]`).count());
}

/** F1, type the command title, wait until it is listed. Leaves the palette open; returns its rows. */
export async function paletteShow(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector(quickInput, { state: 'visible', timeout: 10_000 }).catch(() => {
    throw new HarnessError('F1 did not open the command palette');
  });
  await page.keyboard.type(title, { delay: 20 });
  return waitFor(`the palette to list "${title}"`, 15_000, async () => {
    const labels = await rowLabels(page);
    return labels.some((l) => l.toLowerCase().includes(title.toLowerCase())) ? labels : null;
  });
}

/**
 * Answers one quick pick: waits for a list different from the previous step's, picks the first
 * row matching `prefer` with arrow keys (first row when none match) and presses Enter.
 */
export async function answerQuickPick(page, step, prefer, previous = []) {
  // The list must differ from the previous step's and hold still for two polls: between steps
  // the widget briefly shows leftovers of the old list.
  let last = '';
  const labels = await waitFor(`the "${step}" choice`, 20_000, async () => {
    if (!(await quickInputVisible(page))) { last = ''; return null; }
    const value = await page.locator(`${quickInput} .quick-input-box input`).inputValue().catch(() => '');
    const l = await rowLabels(page);
    const key = l.join('\n');
    const stable = key === last;
    last = key;
    return l.length > 0 && !value.startsWith('>') && key !== previous.join('\n') && stable ? l : null;
  }, 300);
  let index = labels.findIndex((l) => prefer.test(l));
  if (index < 0) index = 0;
  log(`  ${step}: ${labels.length} choices, picking "${labels[index].split(',')[0]}"`);
  // Move from the focused row (the first, usually) to the wanted one.
  const focused = (await rows(page)).findIndex((r) => r.focused);
  const from = focused < 0 ? -1 : focused;
  const key = index >= from ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(index - from); i++) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  return labels;
}

export async function tabLabels(page) {
  return page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') || ''));
}

export async function screenshot(page, dir, name) {
  const file = join(dir, name);
  await page.screenshot({ path: file });
  log(`screenshot ${file}`);
  return file;
}
