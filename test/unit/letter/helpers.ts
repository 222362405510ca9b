/** Builds a letter file from frontmatter lines and body lines, so tests can name exact line numbers. */
export function letter(front: string[], body: string[]): string {
  return ['---', ...front, '---', ...body].join('\n') + '\n';
}

export const FULL_FRONT = [
  'template: nda-demand',
  'lang: ja',
  'format: letter',
  'date: 2026-11-22',
  'vendor:',
  '  company: 株式会社ベンダー',
  '  department: ライセンス管理部',
  '  person: 鈴木 次郎',
  '  reference: LIC-1',
  '  letterDate: 2026-11-10',
  '  deadline: 2026-11-30',
  'sender:',
  '  company: 株式会社サンプル商事',
  '  department: 情報システム部',
  '  person: 山田 太郎',
  '  email: taro@example.co.jp',
];
