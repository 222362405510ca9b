/** Failures of PDF export, each with a message a user can act on. */

export class PdfError extends Error {
  override name = 'PdfError';
}

/** No Chromium-family browser, or a configured one that is not there. */
export class NoBrowserError extends PdfError {
  override name = 'NoBrowserError';
  constructor(
    message: string,
    /** The setting or option that would fix it, e.g. auditReply.pdf.browserPath. */
    readonly setting?: string,
  ) {
    super(message);
  }
}

export class BrowserTimeoutError extends PdfError {
  override name = 'BrowserTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`The browser did not finish printing within ${Math.round(timeoutMs / 1000)} s and was stopped.`);
  }
}

export class BrowserFailedError extends PdfError {
  override name = 'BrowserFailedError';
  constructor(
    reason: string,
    readonly exitCode: number | null,
    /** Last lines the browser wrote to stderr, for the bug report. */
    readonly stderrTail: string,
  ) {
    super(stderrTail ? `${reason}\n${stderrTail}` : reason);
  }
}

export class OutputExistsError extends PdfError {
  override name = 'OutputExistsError';
  constructor(readonly path: string) {
    super(`${path} already exists; not overwriting it.`);
  }
}

export class PdfCancelledError extends PdfError {
  override name = 'AbortError';
  constructor() {
    super('PDF export was cancelled.');
  }
}
