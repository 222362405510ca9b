/** Letters written the way a user would, for tests that go through the real renderer. */

export const XSS_IMG = '<img src=x onerror=alert(1)>';
export const XSS_SCRIPT = '<script>alert(1)</script>';

/** Hostile text in frontmatter values and in the body itself. */
export const HOSTILE_LETTER = `---
template: nda-demand
lang: ja
format: letter
date: 2026-11-22
vendor:
  company: "悪意ある会社 ${XSS_IMG}"
  department: "${XSS_SCRIPT}"
  person: 山田 太郎
  reference: "REF-1 <a href=javascript:alert(1)>x</a>"
  letterDate: 2026-11-10
sender:
  company: 株式会社サンプル
  department: 情報システム部
  person: 佐藤 花子
  email: it@example.jp
---

{{vendor.company}} 御中

部署：{{vendor.department}}

貴社管理番号：{{vendor.reference}}

本文中の生 HTML ${XSS_IMG} と

${XSS_SCRIPT}

<iframe src="https://example.com"></iframe>

[リンク](javascript:alert(1))

:::right
{{sender.company}}
:::
`;

export const JA_FIELDS = {
  vendorCompany: '日本マイクロソフト株式会社',
  vendorPerson: '山田 太郎',
  senderCompany: '株式会社サンプル',
  senderPerson: '佐藤 花子',
};
