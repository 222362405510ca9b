import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATS, KINDS, LANGS, errors, render, variant, type Kind } from './support';
import type { Lang } from '../../../src/letter/dates';
import { renderLetter } from '../../../src/letter/render';
import { catalogue, newLetter, TODAY } from './support';

/** DESIGN §3: what each kind must say, as phrases of the rendered text. */
const MUST: Record<Kind, Record<Lang, string[]>> = {
  'nda-demand': {
    ja: ['機密情報', '秘密保持契約を締結するまでは、一切開示いたしかねます', 'ご署名いただく方', '「秘密保持契約の締結待ち」', '電子メールでは一切お送りいたしません', 'プロダクトキー'],
    en: ['confidential business information', 'disclose none of that information until a non-disclosure agreement', 'person who will sign', '"awaiting NDA"', 'product keys', 'by e-mail'],
  },
  'cost-quote': {
    ja: ['原則としてご協力申し上げる', '有償', '貴社にてご負担', 'ご請求書の宛先', 'お支払条件', 'お見積り'],
    en: ['in principle, to cooperate', 'chargeable', 'your company bear its cost', 'invoice should be addressed', 'payment terms', 'Quotation'],
  },
  'evidence-request': {
    ja: ['長期的な共有違反が観測されました', '根拠となる契約条項', '契約当事者', '用語の定義', '「共有」「ユーザー」「不自然なログイン」', 'IPアドレス', '日時（タイムゾーンを含みます）', 'ブラウザー', '位置情報の出典', '判定の方法', 'すべて留保'],
    en: ['長期的な共有違反が観測されました', 'Contractual basis', 'Contracting entity', 'Definitions', '"sharing", "user" and "unnatural login"', 'IP address', 'time zone', 'browser', 'Geolocation source', 'Method', 'remains reserved'],
  },
  'consent-clause': {
    ja: ['記録し、保存いたします', '公的機関', '個人情報を除いたうえで', '公表', '同意されたものとみなします'],
    en: ['keep and record every communication', 'regulators and other public authorities', 'personal data removed', 'publish', 'taken to have agreed'],
  },
  'geo-rebuttal': {
    ja: ['分析した結果', '203.0.113.0/26　本社 無線LAN（正系）', '203.0.113.64/26　本社 無線LAN（副系）', '物理的に不可能', '位置情報', '撤回される旨', '書面にてご通知'],
    en: ['Our analysis of each IP address', '203.0.113.0/26 – 本社 無線LAN（正系）', '203.0.113.64/26', 'No one could make such a journey', 'geolocation', 'withdraw', 'in writing'],
  },
  'info-only-ack': {
    ja: ['ありがとうございます', '情報提供のみを目的とする', '情報提供として承りました', '対応を行う必要はない'],
    en: ['Thank you', 'for information only', 'received it on that basis', 'nothing is required of us'],
  },
  'closure-request': {
    ja: ['受領された旨', 'ソフトウェア導入状況一覧（Excel形式、電子メールにて送付）', '2026年10月27日', '終了したこと', '削除証明書', '書面にて'],
    en: ['Receipt', 'ソフトウェア導入状況一覧（Excel形式、電子メールにて送付）', '27 October 2026', 'has been concluded', 'certificate of deletion', 'in writing'],
  },
  'sender-verification': {
    ja: ['ご依頼元が真正であること', '公式の経路', '記載された電話番号、URL、連絡先等は使用いたしません', '差し控えさせていただきます', 'プロダクトキー', '電子メールでお送りすることは一切いたしません'],
    en: ['verify that it is genuine', 'official channels', 'will not use any telephone number, link or contact details', 'will not answer the request', 'never send product keys', 'by e-mail'],
  },
  'billing-dispute': {
    ja: ['経緯', '2026年9月1日　不審な国際発信を確認し', '2026年9月2日', '2026年9月1日に、貴社に対し当該サービスの停止をご依頼', '契約約款（料金表を含みます）', '明細の全件', 'お支払いを保留', '482,350円'],
    en: ['Timeline', '1 September 2026 – 不審な国際発信を確認し', '2 September 2026', 'On 1 September 2026 we asked you to stop the service', 'tariff', 'itemised record', 'withholding payment', 'JP¥482,350'],
  },
};

for (const kind of KINDS)
  for (const lang of LANGS)
    test(`${kind} ${lang}: carries its points and the common ones`, () => {
      for (const format of FORMATS) {
        const r = render(kind, lang, format);
        const where = `${kind}/${lang}/${format}`;
        for (const phrase of MUST[kind][lang]) assert.ok(r.text.includes(phrase), `${where} should say ${JSON.stringify(phrase)}`);
        // common to all: their reference and date, reservation, timetable, contact, subject form
        assert.ok(r.text.includes('LIC-2026-0042'), `${where}: their reference`);
        assert.ok(r.text.includes(lang === 'ja' ? '2026年11月10日付け' : 'of 10 November 2026'), `${where}: their letter date`);
        assert.ok(r.text.includes(lang === 'ja' ? '一切の権利を留保いたします' : 'all our rights are reserved'), `${where}: rights reserved`);
        assert.ok(r.text.includes(lang === 'ja' ? 'いかなる事実および責任も認めるものではなく' : 'We do not admit any claim, fact or liability'), `${where}: no admission`);
        assert.ok(r.text.includes(lang === 'ja' ? '弊社を拘束するものではございません' : 'is not binding on us'), `${where}: our own timetable`);
        assert.ok(r.text.includes('taro.yamada@example.co.jp'), `${where}: contact`);
        if (lang === 'ja') assert.match(r.subject, /について（ご回答）$/, `${where}: subject`);
        else assert.match(r.subject, /^Re: /, `${where}: subject`);
        // consentClause: true in the full case
        assert.ok(r.text.includes(lang === 'ja' ? '開示に関するご同意について' : 'Consent to disclosure') || kind === 'consent-clause', `${where}: consent clause`);
      }
    });

test('Japanese letters use 拝復 … 敬具 and 記 … 以上; e-mails the e-mail form', () => {
  for (const kind of KINDS) {
    const letter = render(kind, 'ja', 'letter').text;
    for (const word of ['拝復', '敬具', '記', '以上']) assert.ok(letter.includes(word), `${kind} letter: ${word}`);
    assert.ok(letter.indexOf('拝復') < letter.indexOf('敬具') && letter.indexOf('敬具') < letter.lastIndexOf('以上'));
    assert.ok(!letter.includes('いつもお世話になっております'));
    const email = render(kind, 'ja', 'email').text;
    assert.ok(email.includes('いつもお世話になっております'), `${kind} e-mail greeting`);
    assert.ok(email.includes('株式会社サンプル商事 情報システム部の山田 太郎でございます'), `${kind} e-mail 名乗り`);
    assert.ok(!email.includes('拝復') && !email.includes('敬具'), `${kind} e-mail has no 拝復/敬具`);
    assert.ok(email.includes('メール：taro.yamada@example.co.jp'), `${kind} e-mail signature`);
  }
});

test('recipient: 様 for a person, 御中 for an organisation; Sir or Madam in English', () => {
  const withPerson = render('nda-demand', 'ja', 'letter');
  assert.ok(withPerson.text.includes('鈴木 次郎 様'));
  assert.ok(!withPerson.text.includes('御中'));
  const noPerson = variant({ 'vendor.person': undefined });
  for (const kind of KINDS) {
    const r = render(kind, 'ja', 'letter', noPerson);
    assert.deepEqual(errors(r), [], kind);
    assert.ok(r.text.includes('ライセンス管理部 御中'), `${kind}: 御中`);
    assert.ok(!r.text.includes(' 様\n'), `${kind}: no 様 line`);
    const email = render(kind, 'ja', 'email', noPerson);
    assert.ok(email.text.includes('ライセンス管理部 御中'), `${kind} e-mail: 御中`);
  }
  const en = render('nda-demand', 'en', 'letter', noPerson);
  assert.ok(en.text.includes('Dear Sir or Madam,'));
  assert.ok(en.text.includes('Yours faithfully,'));
  const enNamed = render('nda-demand', 'en', 'letter');
  assert.ok(enNamed.text.includes('Dear 鈴木 次郎,'));
  assert.ok(enNamed.text.includes('Yours sincerely,'));
  assert.ok(render('nda-demand', 'en', 'email').text.includes('Kind regards,'));
});

test('cost-quote: the quote table is computed in code; without items the letter asks for the scope', () => {
  const ja = render('cost-quote', 'ja', 'letter');
  // 8 + 4.5 + 2 hours at 15,000 yen = 217,500; tax 10 % = 21,750; total 239,250
  assert.match(ja.text, /対象端末とソフトウェアの洗い出し \|\s+8 \| 120,000円/);
  assert.match(ja.text, /資料の作成と社内確認\s+\|\s+4\.5 \|\s+67,500円/);
  assert.match(ja.text, /小計\s+\|\s+\| 217,500円/);
  assert.match(ja.text, /消費税等（10%）\s+\|\s+\|\s+21,750円/);
  assert.match(ja.text, /合計\s+\|\s+\| 239,250円/);
  assert.ok(ja.text.includes('有効期限：2026年12月24日'));
  assert.ok(ja.text.includes('1時間あたり15,000円（税抜）'));
  assert.ok(ja.html.includes('<table>'));
  const en = render('cost-quote', 'en', 'email');
  assert.ok(en.text.includes('JP¥239,250'));
  assert.ok(en.text.includes('Tax (10%)'));
  assert.ok(en.text.includes('valid until 24 December 2026'));

  const three = variant({ quote: { currency: 'JPY', rate: 10000, taxRate: 0.1, validDays: 14, items: [{ task: 'A', hours: 1 }, { task: 'B', hours: 2 }, { task: 'C', hours: 3 }] } });
  const r = render('cost-quote', 'ja', 'email', three);
  assert.match(r.text, /合計\s+\|\s+\| 66,000円/);
  assert.ok(r.text.includes('有効期限：2026年12月8日'));

  const noQuote = variant({ quote: undefined });
  for (const lang of LANGS) {
    const q = render('cost-quote', lang, 'letter', noQuote);
    assert.deepEqual(errors(q), []);
    assert.ok(!q.html.includes('<table>'));
    assert.ok(q.text.includes(lang === 'ja' ? '書面にてお示しいただいたうえで、作成してお送りいたします' : 'We will send you a quotation once you have set out in writing the scope'));
  }
});

test('evidence-request quotes the claim as a blockquote and needs it', () => {
  for (const lang of LANGS) {
    const r = render('evidence-request', lang, 'letter');
    assert.ok(r.markdown.includes('> 長期的な共有違反が観測されました。'));
    assert.ok(r.html.includes('<blockquote>'));
    const missing = render('evidence-request', lang, 'letter', variant({ 'vendor.claim': undefined }));
    assert.ok(missing.problems.some((p) => p.severity === 'error' && p.field === 'vendor.claim'), 'the claim must be quoted word for word');
  }
});

test('geo-rebuttal: the IP-analysis marker sits where a table reads well, and never prints', () => {
  const marker = '<!-- audit-reply:ip-analysis -->';
  for (const lang of LANGS)
    for (const format of FORMATS) {
      const source = newLetter('geo-rebuttal', lang, format);
      assert.ok(source.includes(`\n\n${marker}\n\n`), 'the marker is a block of its own');
      const r = renderLetter(source, { catalogue: catalogue(), today: TODAY });
      assert.ok(r.markdown.includes(marker));
      assert.ok(!r.text.includes('audit-reply:ip-analysis') && !r.html.includes('audit-reply:ip-analysis'));
      // the command inserts its table at the marker: the letter still reads and renders
      const table = '| IP address | Logins |\n|---|--:|\n| 203.0.113.10 | 12 |\n';
      const filled = renderLetter(source.replace(marker, `${marker}\n\n${table}`), { catalogue: catalogue(), today: TODAY });
      assert.deepEqual(errors(filled), []);
      assert.match(filled.html, /<table>[\s\S]*203\.0\.113\.10/);
      const lead = lang === 'ja' ? '分析した結果を以下に示します。' : 'is summarised here.';
      assert.ok(filled.text.indexOf(lead) < filled.text.indexOf('203.0.113.10 |'), 'the lead sentence comes just before the table');
      assert.ok(r.text.includes(lang === 'ja' ? '2026年12月8日までに書面にて' : 'by 8 December 2026'), 'our own date for the withdrawal');
    }
  const noClaim = render('geo-rebuttal', 'ja', 'letter', variant({ 'vendor.claim': undefined }));
  assert.deepEqual(errors(noClaim), []);
  assert.ok(noClaim.text.includes('ログイン記録に関しご指摘をいただきました。'));
  const enNoClaim = render('geo-rebuttal', 'en', 'email', variant({ 'vendor.claim': undefined }));
  assert.ok(enNoClaim.text.includes('concerns about logins to our account.'));
});

test('billing-dispute needs the timeline and the stop-request date; the amount is optional', () => {
  for (const lang of LANGS) {
    const noFacts = render('billing-dispute', lang, 'letter', variant({ facts: undefined }));
    assert.ok(noFacts.problems.some((p) => p.severity === 'error' && p.field === 'facts'), 'facts are required');
    const noStop = render('billing-dispute', lang, 'letter', variant({ 'billing.stopRequested': undefined }));
    assert.ok(noStop.problems.some((p) => p.severity === 'error' && p.field === 'billing.stopRequested'));
    const noAmount = render('billing-dispute', lang, 'email', variant({ 'billing.disputedAmount': undefined, 'billing.currency': undefined, 'billing.invoice': undefined, 'billing.account': undefined }));
    assert.deepEqual(errors(noAmount), []);
    assert.ok(noAmount.text.includes(lang === 'ja' ? '停止のご依頼以降の利用分に係るご請求については、お支払いを保留' : 'withholding payment of the charges for the period after our stop request'));
    assert.equal(noAmount.subject, lang === 'ja' ? 'ご請求について（ご回答）' : 'Re: your invoice – disputed charges');
  }
  const usd = render('billing-dispute', 'en', 'letter', variant({ 'billing.currency': 'USD', 'billing.disputedAmount': 1234.5 }));
  assert.ok(usd.text.includes('US$1,234.50'));
});

test('closure-request lists what we submitted, and reads without the list too', () => {
  for (const lang of LANGS) {
    const r = render('closure-request', lang, 'letter', variant({ submitted: undefined }));
    assert.deepEqual(errors(r), []);
    assert.ok(r.text.includes(lang === 'ja' ? '資料の全件を受領された旨' : 'all the material we have sent you'));
  }
});

test('the consent clause follows consentClause; the consent-clause notice stands alone', () => {
  const off = variant({ consentClause: false });
  for (const kind of KINDS)
    for (const lang of LANGS) {
      const r = render(kind, lang, 'email', off);
      const has = r.text.includes(lang === 'ja' ? '開示に関するご同意について' : 'Consent to disclosure.');
      assert.equal(has, false, `${kind}/${lang}: no appended clause when consentClause is false`);
    }
  assert.ok(render('consent-clause', 'ja', 'letter', off).text.includes('同意されたものとみなします'));
  assert.ok(render('consent-clause', 'en', 'letter', off).text.includes('taken to have agreed'));
});

test('optional fields stay optional: a lean case renders every kind without error', () => {
  const lean = {
    date: TODAY,
    vendor: { company: 'Example Software KK' },
    sender: { company: 'Example Trading KK', person: 'Taro Yamada', email: 'taro@example.co.jp' },
    vendorClaim: undefined,
  };
  const needs: Partial<Record<Kind, Record<string, unknown>>> = {
    'evidence-request': { 'vendor.claim': 'Sharing violations were observed.' },
    'billing-dispute': { 'billing.stopRequested': '2026-09-01', facts: [{ date: '2026-09-01', text: 'Asked for the line to be stopped' }] },
  };
  for (const kind of KINDS)
    for (const lang of LANGS)
      for (const format of FORMATS) {
        const data = variant({ vendorClaim: undefined, ...(needs[kind] ?? {}) }, lean);
        const r = render(kind, lang, format, data);
        assert.deepEqual(errors(r).map((p) => p.message), [], `${kind}/${lang}/${format}`);
        assert.ok(!r.text.includes('⟦') && !r.text.includes('undefined'), `${kind}/${lang}/${format}`);
      }
});

test('vendor presets: full company names survive (commas), and no clause numbers are asserted', () => {
  const c = catalogue();
  assert.equal(c.vendor('microsoft')?.en.company, 'Microsoft Japan Co., Ltd.');
  assert.equal(c.vendor('salesforce')?.en.company, 'Salesforce Japan Co., Ltd.');
  for (const v of c.vendors())
    for (const lang of LANGS) {
      const p = v[lang];
      for (const key of ['company', 'department', 'programme'] as const) assert.equal(typeof p[key], 'string', `${v.id}.${lang}.${key}`);
      assert.ok(!/第\s*\d+\s*条|clause\s+\d|section\s+\d/i.test(JSON.stringify(p)), `${v.id}: no clause numbers`);
    }
  const r = renderLetter(newLetter('nda-demand', 'en', 'letter', variant({ vendor: undefined }), 'microsoft'), { catalogue: c, today: TODAY });
  assert.deepEqual(errors(r), []);
  assert.ok(r.text.includes('Microsoft Japan Co., Ltd.'));
  assert.ok(r.subject.startsWith('Re: your SAM engagement'));
});

test('era dates on request reach every date the letters print', () => {
  const r = render('billing-dispute', 'ja', 'letter', variant({ eraDates: true }));
  assert.ok(r.text.includes('令和8年11月24日'));
  assert.ok(r.text.includes('令和8年9月1日'));
  // user text such as the invoice's 「2026年9月分」 stays as written; no printed date is western
  assert.doesNotMatch(r.text, /\d{4}年\d{1,2}月\d{1,2}日/);
});
