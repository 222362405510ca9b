import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { LogInputError } from './errors';

export type EncodingName = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE (BOM)' | 'UTF-16BE (BOM)' | 'Shift_JIS (CP932)';

export interface DecodedStream {
  encoding: EncodingName;
  /** Yields the text in pieces so a large log never exists twice in memory. */
  chunks(): Generator<string>;
  /** The whole text at once (JSON needs it). */
  whole(): string;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Picks the encoding from the BOM, else by strict UTF-8 validation, else CP932
 * (what Japanese Excel writes); anything that is none of these is refused.
 */
export function decodeLog(bytes: Uint8Array): DecodedStream {
  if (bytes.length === 0) throw new LogInputError('empty', 'The log is empty.');
  let label: string;
  let encoding: EncodingName;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    [label, encoding, start] = ['utf-8', 'UTF-8 (BOM)', 3];
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    [label, encoding, start] = ['utf-16le', 'UTF-16LE (BOM)', 2];
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    [label, encoding, start] = ['utf-16be', 'UTF-16BE (BOM)', 2];
  } else {
    const nul = firstNul(bytes);
    if (nul >= 0) {
      throw new LogInputError('binary', 'This looks like a binary file, not a text log (it contains NUL bytes). Export the log as CSV, JSON or text.', `byte ${nul}`);
    }
    if (isUtf8(bytes)) [label, encoding] = ['utf-8', 'UTF-8'];
    else if (validShiftJis(bytes)) [label, encoding] = ['shift_jis', 'Shift_JIS (CP932)'];
    else {
      throw new LogInputError(
        'encoding',
        'The text is neither UTF-8, UTF-16 with a byte-order mark, nor Shift_JIS; save the log as UTF-8 and try again.',
        `byte ${firstBadUtf8(bytes)}`,
      );
    }
  }
  const body = bytes.subarray(start);
  if (body.length === 0) throw new LogInputError('empty', 'The log is empty.');
  // Most exports are plain ASCII: then any byte boundary is a character boundary, and Buffer's
  // latin1 slice is several times faster than a streaming TextDecoder.
  if (encoding === 'UTF-8' && isAscii(body)) {
    const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    return {
      encoding,
      *chunks() {
        for (let i = 0; i < buf.length; i += CHUNK_BYTES) yield buf.toString('latin1', i, Math.min(buf.length, i + CHUNK_BYTES));
      },
      whole: () => buf.toString('latin1'),
    };
  }
  return {
    encoding,
    *chunks() {
      const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
      for (let i = 0; i < body.length; i += CHUNK_BYTES) {
        const piece = decodeChecked(decoder, body.subarray(i, i + CHUNK_BYTES), true, encoding);
        if (piece) yield piece;
      }
      const tail = decodeChecked(decoder, new Uint8Array(0), false, encoding);
      if (tail) yield tail;
    },
    whole() {
      return decodeChecked(new TextDecoder(label, { fatal: true, ignoreBOM: true }), body, false, encoding);
    },
  };
}

function decodeChecked(decoder: TextDecoder, bytes: Uint8Array, stream: boolean, encoding: EncodingName): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new LogInputError('encoding', `The text is not valid ${encoding}; save the log as UTF-8 and try again.`);
  }
}

function firstNul(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return i;
  return -1;
}

function validShiftJis(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Where UTF-8 decoding first fails, so the message can point at it. */
function firstBadUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // isUtf8 of a prefix may fail only because the cut splits a character; allow 3 bytes of slack.
  while (hi - lo > 4) {
    const mid = (lo + hi) >>> 1;
    if (isUtf8(bytes.subarray(0, mid)) || isUtf8(bytes.subarray(0, mid + 1)) || isUtf8(bytes.subarray(0, mid + 2)) || isUtf8(bytes.subarray(0, mid + 3))) lo = mid;
    else hi = mid;
  }
  return lo;
}
