import { randomBytes } from 'node:crypto';

/** A fresh nonce per webview document; 128 bits from the system CSPRNG. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}
