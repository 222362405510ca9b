import { addDays, format, isValid, isWeekend } from 'date-fns';
import { enGB, ja } from 'date-fns/locale';
import holidayJp from '@holiday-jp/holiday_jp';

export type Lang = 'ja' | 'en';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date from `YYYY-MM-DD`, as local midnight; undefined when it is not a real date. */
export function parseIsoDate(value: string): Date | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (!isValid(date) || date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date;
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** ja: 2026年11月22日 · en: 22 November 2026 */
export function formatDate(date: Date, lang: Lang): string {
  return lang === 'ja' ? format(date, 'yyyy年M月d日', { locale: ja }) : format(date, 'd MMMM yyyy', { locale: enGB });
}

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric' });

/** 令和8年11月22日; the first year of an era prints as 元年, as Japanese documents write it. */
export function formatEraDate(date: Date): string {
  const text = eraFormat.format(date);
  return text.replace(/^(\D+)1年/, '$1元年');
}

export function isJapaneseHoliday(date: Date): boolean {
  return Object.prototype.hasOwnProperty.call(holidayJp.holidays, toIsoDate(date));
}

/** Moves forward (or back, for a negative count) over weekends and, for Japanese letters, public holidays. */
export function addBusinessDays(date: Date, count: number, lang: Lang): Date {
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(Math.trunc(count));
  let day = date;
  while (left > 0) {
    day = addDays(day, step);
    if (isWeekend(day) || (lang === 'ja' && isJapaneseHoliday(day))) continue;
    left--;
  }
  return day;
}
