/**
 * The parts of the renderer's result each output needs. Declared structurally so
 * a RenderResult from src/letter/render.ts fits without conversion.
 */
export type LetterLang = 'ja' | 'en';
export type PaperSize = 'A4' | 'Letter';

export interface PageSource {
  lang: LetterLang;
  /** Sanitised HTML fragment of the letter body. */
  html: string;
  subject: string;
}
