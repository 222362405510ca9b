import { buildPageHtml } from '../preview/pageDocument';
import { readLetterCss } from '../preview/stylesheet';
import type { PageSource, PaperSize } from '../preview/types';
import { printToPdf, type PrintOptions } from './printToPdf';

export type ExportLetterOptions = Omit<PrintOptions, 'html'> & { paper: PaperSize };

/** The printed page for a rendered letter: the same document and stylesheet as the preview. */
export function pdfPageHtml(source: PageSource, paper: PaperSize): string {
  return buildPageHtml(source, { paper, mode: 'pdf', inlineCss: readLetterCss() });
}

export async function exportLetterPdf(source: PageSource, opts: ExportLetterOptions): Promise<void> {
  const { paper, ...print } = opts;
  await printToPdf({ ...print, html: pdfPageHtml(source, paper) });
}
