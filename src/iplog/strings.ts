/**
 * V8 keeps a whole chunk of the log alive while any substring of it is
 * referenced. Values that outlive their row (map keys, the last login of each
 * user) are therefore copied once and shared, so memory follows the number of
 * distinct values, not the size of the log.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

export class Interner {
  private readonly table = new Map<string, string>();

  get(s: string): string {
    let kept = this.table.get(s);
    if (kept === undefined) {
      kept = detach(s);
      this.table.set(kept, kept);
    }
    return kept;
  }
}
