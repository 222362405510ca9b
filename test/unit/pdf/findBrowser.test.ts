import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBrowser, installCandidates, BROWSER_SETTING } from '../../../src/pdf/findBrowser';
import { NoBrowserError } from '../../../src/pdf/errors';

const only = (...files: string[]) => (p: string) => files.includes(p);

test('an explicit path wins over CHROME_PATH and install locations', () => {
  const found = findBrowser({
    explicitPath: '/opt/mine/chrome',
    platform: 'linux',
    env: { CHROME_PATH: '/usr/bin/chromium' },
    isFile: only('/opt/mine/chrome', '/usr/bin/chromium', '/usr/bin/google-chrome'),
  });
  assert.deepEqual(found, { path: '/opt/mine/chrome', source: 'setting' });
});

test('a configured path that does not exist is an error naming the setting, not a fallback', () => {
  assert.throws(
    () => findBrowser({ explicitPath: '/nowhere/chrome', platform: 'linux', env: {}, isFile: only('/usr/bin/chromium') }),
    (e: unknown) => e instanceof NoBrowserError && e.setting === BROWSER_SETTING && e.message.includes(BROWSER_SETTING) && e.message.includes('/nowhere/chrome'),
  );
});

test('the CLI names its own option when the given browser is missing', () => {
  assert.throws(
    () => findBrowser({ explicitPath: '/nowhere/chrome', explicitSource: '--browser', platform: 'linux', env: {}, isFile: () => false }),
    /--browser does not exist: \/nowhere\/chrome/,
  );
});

test('CHROME_PATH comes before the install locations', () => {
  const found = findBrowser({ platform: 'linux', env: { CHROME_PATH: '/custom/chromium' }, isFile: only('/custom/chromium', '/usr/bin/google-chrome') });
  assert.deepEqual(found, { path: '/custom/chromium', source: 'CHROME_PATH' });
});

test('a CHROME_PATH pointing nowhere is reported, naming the variable', () => {
  assert.throws(() => findBrowser({ platform: 'linux', env: { CHROME_PATH: '/gone' }, isFile: only('/usr/bin/chromium') }), /CHROME_PATH does not exist: \/gone/);
});

test('Linux: Edge is preferred to Chrome, Chrome to Chromium, and snap is found', () => {
  const all = ['/usr/bin/microsoft-edge', '/usr/bin/google-chrome', '/usr/bin/chromium', '/snap/bin/chromium'];
  assert.equal(findBrowser({ platform: 'linux', env: {}, isFile: only(...all) }).path, '/usr/bin/microsoft-edge');
  assert.equal(findBrowser({ platform: 'linux', env: {}, isFile: only(...all.slice(1)) }).path, '/usr/bin/google-chrome');
  assert.equal(findBrowser({ platform: 'linux', env: {}, isFile: only('/snap/bin/chromium') }).path, '/snap/bin/chromium');
  assert.equal(findBrowser({ platform: 'linux', env: {}, isFile: only('/usr/bin/brave-browser') }).path, '/usr/bin/brave-browser');
});

test('Windows: Program Files, Program Files (x86) and LOCALAPPDATA are searched', () => {
  const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' };
  const edge86 = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
  const chromeLocal = 'C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
  const brave = 'C:\\Program Files\\BraveSoftware\\Brave-Browser\\Application\\brave.exe';
  assert.equal(findBrowser({ platform: 'win32', env, isFile: only(edge86, chromeLocal) }).path, edge86);
  assert.equal(findBrowser({ platform: 'win32', env, isFile: only(chromeLocal, brave) }).path, chromeLocal);
  assert.equal(findBrowser({ platform: 'win32', env, isFile: only(brave) }).path, brave);
  assert.ok(installCandidates('win32', env).every((p) => p.endsWith('.exe') && !p.includes('/')));
});

test('macOS: application bundles, also in ~/Applications', () => {
  const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  const userBrave = '/Users/u/Applications/Brave Browser.app/Contents/MacOS/Brave Browser';
  assert.equal(findBrowser({ platform: 'darwin', env: { HOME: '/Users/u' }, isFile: only(chrome, userBrave) }).path, chrome);
  assert.equal(findBrowser({ platform: 'darwin', env: { HOME: '/Users/u' }, isFile: only(userBrave) }).path, userBrave);
});

test('PATH is searched last, with PATHEXT on Windows', () => {
  const linux = findBrowser({ platform: 'linux', env: { PATH: '/home/u/bin:/usr/local/bin' }, isFile: only('/usr/local/bin/chromium') });
  assert.deepEqual(linux, { path: '/usr/local/bin/chromium', source: 'PATH' });
  const win = findBrowser({ platform: 'win32', env: { PATH: 'C:\\tools;D:\\apps', PATHEXT: '.COM;.EXE' }, isFile: only('D:\\apps\\chrome.exe') });
  assert.deepEqual(win, { path: 'D:\\apps\\chrome.exe', source: 'PATH' });
});

test('nothing found: the error says so and names the setting and CHROME_PATH', () => {
  assert.throws(
    () => findBrowser({ platform: 'linux', env: { PATH: '/usr/bin' }, isFile: () => false }),
    (e: unknown) =>
      e instanceof NoBrowserError &&
      /No Chromium-family browser/.test(e.message) &&
      e.message.includes(BROWSER_SETTING) &&
      e.message.includes('CHROME_PATH'),
  );
});
