/**
 * Whether a login failed, from the many ways logs say it. Unknown wording
 * counts as not failed: the table reports failures it can show, nothing more.
 */
const FAILED = /(fail|invalid|denied|error|lock|blocked|reject|incorrect|wrong|interrupted|失敗|エラー|拒否|ロック|無効|誤り)/i;
const SUCCEEDED = /^(success|succeeded|successful|ok|allow|allowed|成功|0)$/i;

export function isFailure(status: string | undefined, errorCode?: string): boolean {
  if (errorCode !== undefined && errorCode.trim() !== '' && errorCode.trim() !== '0') return true;
  if (status === undefined) return false;
  const s = status.trim();
  if (s === '' || SUCCEEDED.test(s) || /^successful login$/i.test(s)) return false;
  return FAILED.test(s);
}
