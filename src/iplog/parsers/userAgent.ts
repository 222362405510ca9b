/** Browser and platform from a User-Agent string, coarse on purpose: it only has to tell devices apart. */
export function describeUserAgent(ua: string): { browser: string; platform: string } {
  const platform = /iPad/.test(ua)
    ? 'iPad'
    : /iPhone/.test(ua)
      ? 'iOS/iPhone'
      : /Android/.test(ua)
        ? 'Android'
        : /Windows NT 10/.test(ua)
          ? 'Windows 10/11'
          : /Windows/.test(ua)
            ? 'Windows'
            : /Mac OS X|Macintosh/.test(ua)
              ? 'macOS'
              : /CrOS/.test(ua)
                ? 'ChromeOS'
                : /Linux/.test(ua)
                  ? 'Linux'
                  : '';
  const m =
    /(Edg|EdgA|EdgiOS)\/(\d+)/.exec(ua) ??
    /(Firefox|FxiOS)\/(\d+)/.exec(ua) ??
    /(CriOS|Chrome)\/(\d+)/.exec(ua) ??
    /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?(Safari)/.exec(ua);
  let browser = '';
  if (m) {
    if (m[2] === 'Safari') browser = `Safari ${m[1]}`;
    else {
      const name = m[1].startsWith('Edg') ? 'Edge' : m[1] === 'FxiOS' ? 'Firefox' : m[1] === 'CriOS' ? 'Chrome' : m[1];
      browser = `${name} ${m[2]}`;
    }
  }
  return { browser, platform };
}
