import { IP_IN_TEXT, parseIp } from '../ipAddress';
import { TIME_IN_TEXT } from '../time';
import type { RawEvent } from '../types';
import { findPlace } from '../gazetteer';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const FAILURE_WORD = /\b(failed|failure|invalid password|denied|locked)\b|失敗/i;

/**
 * Text copied out of a PDF table: no reliable columns, so each line is searched
 * for a time, an address, an e-mail-like user, a status word and a place name.
 */
export function readFreeText(
  chunks: Iterable<string>,
  onEvent: (e: RawEvent) => void,
  onUnread: (line: number, reason: string, sample: string) => void,
): void {
  let carry = '';
  let line = 0;
  const handle = (text: string): void => {
    line++;
    IP_IN_TEXT.lastIndex = 0;
    const candidates = text.match(IP_IN_TEXT) ?? [];
    const address = candidates.find((c) => parseIp(c) !== undefined);
    const time = TIME_IN_TEXT.exec(text)?.[0];
    if (!address) {
      // A line with a time and something shaped like an address that is not one deserves a report.
      if (time && candidates.some((c) => /\d+\.\d+\.\d+\.\d+/.test(c))) onUnread(line, 'the address is not a valid IP address', text.slice(0, 200));
      return;
    }
    if (!time) return onUnread(line, 'no date and time on the line', text.slice(0, 200));
    const rest = text.replace(time, ' ').replace(address, ' ');
    const place = placeIn(rest);
    onEvent({
      line,
      time,
      ip: address,
      user: EMAIL.exec(rest)?.[0],
      status: FAILURE_WORD.test(rest) ? 'failed' : undefined,
      location: place,
    });
  };
  for (const chunk of chunks) {
    const text = carry + chunk;
    const parts = text.split(/\r\n|\n|\r/);
    carry = parts.pop() ?? '';
    for (const p of parts) handle(p);
  }
  if (carry) handle(carry);
}

/** A trailing "City, Region, Country" (or a Japanese place name) that the gazetteer knows. */
function placeIn(rest: string): string | undefined {
  const trimmed = rest.trim();
  const m = /([A-Za-z][A-Za-z0-9 .'-]*(?:,\s*[A-Z][A-Za-z .'-]+){1,2})$/.exec(trimmed);
  if (m) {
    const parts = m[1].split(',');
    // The first part also holds whatever preceded the place on the line ("iPad Tokyo"); keep its known tail.
    const words = parts[0].trim().split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      const candidate = [words.slice(i).join(' '), ...parts.slice(1).map((p) => p.trim())].join(', ');
      const head = findPlace(words.slice(i).join(' '));
      if (head) return candidate;
    }
    const tail = parts.slice(1).map((p) => p.trim()).join(', ');
    if (findPlace(tail)) return tail;
  }
  const ja = /[\u3040-\u30ff\u4e00-\u9fff]+(?:[、，,\s]+[\u3040-\u30ff\u4e00-\u9fff]+)*$/.exec(trimmed);
  if (ja && findPlace(ja[0])) return ja[0].trim();
  return undefined;
}
