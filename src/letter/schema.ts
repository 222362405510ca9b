/** The case data a letter's frontmatter holds: one description drives validation, completion and hover. */
export type FieldType = 'string' | 'text' | 'date' | 'boolean' | 'number' | 'enum' | 'cidr' | 'email' | 'timezone' | 'object' | 'list';

export interface FieldSpec {
  type: FieldType;
  doc: { en: string; ja: string };
  values?: readonly string[];
  fields?: Readonly<Record<string, FieldSpec>>;
  /** For lists: the shape of one item. */
  item?: FieldSpec;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Computed by the engine from other fields; never written in the frontmatter. */
  derived?: boolean;
}

const str = (en: string, ja: string): FieldSpec => ({ type: 'string', doc: { en, ja } });
const date = (en: string, ja: string): FieldSpec => ({ type: 'date', doc: { en, ja } });
const derivedNumber = (en: string, ja: string): FieldSpec => ({ type: 'number', doc: { en, ja }, derived: true });

export const CASE_SCHEMA: Readonly<Record<string, FieldSpec>> = {
  template: str('Letter kind from the catalogue (or a workspace template id).', '文書の種類（カタログまたはワークスペースのテンプレート ID）。'),
  lang: { type: 'enum', values: ['ja', 'en'], doc: { en: 'Language of the letter.', ja: '文書の言語。' } },
  format: { type: 'enum', values: ['letter', 'email'], doc: { en: 'Postal letter or e-mail.', ja: '郵送用の文書かメールか。' } },
  date: date('Date of our reply (YYYY-MM-DD); today when absent.', '発信日（YYYY-MM-DD）。省略時は今日。'),
  eraDates: { type: 'boolean', doc: { en: 'Print Japanese dates with the era (令和).', ja: '日付を和暦（令和）で表記する。' } },
  subject: str('Subject line; the template proposes one when absent.', '件名。省略時はテンプレートの件名。'),
  vendor: {
    type: 'object',
    doc: { en: 'The vendor who wrote to us.', ja: '先方（ベンダー）の情報。' },
    fields: {
      company: str('Vendor company name.', '先方の会社名。'),
      department: str('Their department.', '先方の部署名。'),
      person: str('The person who wrote to us.', '先方の担当者名。'),
      email: { type: 'email', doc: { en: 'Their e-mail address.', ja: '先方のメールアドレス。' } },
      address: { type: 'text', doc: { en: 'Their postal address.', ja: '先方の住所。' } },
      programme: str('Name of their compliance programme (e.g. "SAM engagement").', '先方のプログラム名（例: ライセンス調査）。'),
      reference: str('Their reference number.', '先方の文書番号・案件番号。'),
      letterDate: date('Date of their letter or e-mail.', '先方の書面・メールの日付。'),
      deadline: date('The deadline they set.', '先方が指定した期限。'),
      claim: { type: 'text', doc: { en: 'Their claim, quoted word for word.', ja: '先方の主張（原文のまま引用）。' } },
    },
  },
  sender: {
    type: 'object',
    doc: { en: 'Us; empty fields come from the sender settings.', ja: '当社（発信者）。空欄は設定の差出人情報で補います。' },
    fields: {
      company: str('Our company name.', '当社の会社名。'),
      department: str('Our department.', '当社の部署名。'),
      person: str('Who signs.', '署名者の氏名。'),
      title: str("Signer's title.", '署名者の役職。'),
      email: { type: 'email', doc: { en: 'Our contact e-mail.', ja: '当社の連絡先メールアドレス。' } },
      phone: str('Our contact telephone.', '当社の連絡先電話番号。'),
      address: { type: 'text', doc: { en: 'Our postal address.', ja: '当社の住所。' } },
    },
  },
  consentClause: { type: 'boolean', doc: { en: 'Append the disclosure-consent clause.', ja: '開示同意条項を付ける。' } },
  quote: {
    type: 'object',
    doc: { en: 'Our quote for the survey work.', ja: '調査作業のお見積り。' },
    fields: {
      currency: { type: 'string', doc: { en: 'ISO 4217 code, e.g. JPY.', ja: '通貨コード（例: JPY）。' } },
      rate: { type: 'number', min: 0, doc: { en: 'Hourly rate.', ja: '時間単価。' } },
      taxRate: { type: 'number', min: 0, max: 1, doc: { en: 'Tax rate as a fraction (0.1 = 10 %).', ja: '税率（0.1 = 10%）。' } },
      validDays: { type: 'number', min: 1, integer: true, doc: { en: 'Days the quote stays valid.', ja: '見積りの有効日数。' } },
      items: {
        type: 'list',
        doc: { en: 'Line items.', ja: '明細。' },
        item: {
          type: 'object',
          doc: { en: 'One line item.', ja: '明細 1 行。' },
          fields: {
            task: str('What the work is.', '作業内容。'),
            hours: { type: 'number', min: 0, doc: { en: 'Hours.', ja: '時間数。' } },
            amount: derivedNumber('hours × rate (computed).', '時間 × 単価（自動計算）。'),
          },
        },
      },
      subtotal: derivedNumber('Sum of the items (computed).', '小計（自動計算）。'),
      tax: derivedNumber('Tax (computed).', '消費税等（自動計算）。'),
      total: derivedNumber('Total (computed).', '合計（自動計算）。'),
      validUntil: { type: 'date', derived: true, doc: { en: 'Last day the quote is valid (computed).', ja: '見積り有効期限（自動計算）。' } },
    },
  },
  networks: {
    type: 'list',
    doc: { en: 'Our declared networks, for the IP analysis.', ja: '当社が申告するネットワーク（IP 分析用）。' },
    item: {
      type: 'object',
      doc: { en: 'One network.', ja: 'ネットワーク 1 件。' },
      fields: {
        cidr: { type: 'cidr', doc: { en: 'Address range in CIDR form, e.g. 203.0.113.0/26.', ja: 'CIDR 形式のアドレス範囲（例: 203.0.113.0/26）。' } },
        label: str('What the network is, e.g. "Head office Wi-Fi (primary)".', 'ネットワークの説明（例: 本社 無線LAN（正系））。'),
      },
    },
  },
  log: {
    type: 'object',
    doc: { en: 'How to read the vendor log.', ja: 'ベンダーのログの読み方。' },
    fields: {
      timezone: { type: 'timezone', doc: { en: 'Time zone of times without an offset, e.g. Asia/Tokyo.', ja: 'オフセットのない時刻のタイムゾーン（例: Asia/Tokyo）。' } },
    },
  },
  facts: {
    type: 'list',
    doc: { en: 'Timeline of events (date and what happened).', ja: '経緯（日付と出来事）。' },
    item: {
      type: 'object',
      doc: { en: 'One event.', ja: '出来事 1 件。' },
      fields: { date: date('When.', '日付。'), text: { type: 'text', doc: { en: 'What happened.', ja: '出来事。' } } },
    },
  },
  billing: {
    type: 'object',
    doc: { en: 'The disputed bill (billing-dispute letters).', ja: '争いのある請求の情報（請求に関する回答用）。' },
    fields: {
      account: str('Our customer or contract number with them.', '先方における当社のお客様番号・契約番号。'),
      invoice: str('The invoice number or billing period in dispute.', '争いのある請求書の番号または請求期間。'),
      stopRequested: date('When we asked them to stop the service (YYYY-MM-DD).', '当社がサービスの停止を依頼した日（YYYY-MM-DD）。'),
      disputedAmount: { type: 'number', min: 0, doc: { en: 'The amount we dispute and withhold.', ja: '当社が争い、支払いを保留する金額。' } },
      currency: { type: 'string', doc: { en: 'ISO 4217 code of that amount; JPY when absent.', ja: '上記金額の通貨コード。省略時は JPY。' } },
    },
  },
  submitted: {
    type: 'list',
    doc: { en: 'What we have submitted to the vendor (closure-request letters).', ja: '当社が先方に提出した資料（完了確認の依頼用）。' },
    item: {
      type: 'object',
      doc: { en: 'One submission.', ja: '提出 1 件。' },
      fields: { date: date('When we sent it.', '提出日。'), text: { type: 'text', doc: { en: 'What we sent, and how.', ja: '提出した資料と提出方法。' } } },
    },
  },
  custom: { type: 'object', doc: { en: 'Free-form fields for workspace templates.', ja: 'ワークスペースのテンプレート用の自由項目。' } },
};

export interface FieldEntry {
  path: string;
  spec: FieldSpec;
}

/** Every field path in dotted form (list items as `[]`), for completion and "did you mean". */
export function allFieldPaths(schema: Readonly<Record<string, FieldSpec>> = CASE_SCHEMA, prefix = ''): FieldEntry[] {
  const out: FieldEntry[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const path = prefix + name;
    out.push({ path, spec });
    if (spec.fields) out.push(...allFieldPaths(spec.fields, path + '.'));
    if (spec.item?.fields) out.push(...allFieldPaths(spec.item.fields, path + '[].'));
  }
  return out;
}

/** The spec for a concrete path such as `quote.items.0.hours` or `vendor.person`. */
export function specAt(path: readonly (string | number)[]): FieldSpec | undefined {
  let fields: Readonly<Record<string, FieldSpec>> | undefined = CASE_SCHEMA;
  let spec: FieldSpec | undefined;
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) {
      if (spec?.type !== 'list') return undefined;
      spec = spec.item;
      fields = spec?.fields;
      continue;
    }
    spec = fields?.[seg];
    if (!spec) return undefined;
    fields = spec.fields;
  }
  return spec;
}
