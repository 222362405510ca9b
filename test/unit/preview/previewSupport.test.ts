import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewBodyHtml } from '../../../src/preview/previewBody';
import { composeEmail } from '../../../src/letter/emailText';
import { renderLetter } from '../../../src/letter/render';
import { HOSTILE_LETTER } from './letterSamples';

test('the preview shows the errors, escaped, when nothing could be rendered', () => {
  const body = previewBodyHtml({
    lang: 'en',
    subject: '',
    html: '',
    problems: [
      { severity: 'warning', message: 'ignored', range: { start: { line: 0 } } },
      { severity: 'error', message: 'YAML: bad <value>', range: { start: { line: 2 } } },
    ],
  });
  assert.equal(body, '<div class="render-problems"><ul>\n<li>3: YAML: bad &lt;value&gt;</li>\n</ul></div>');
  assert.equal(previewBodyHtml({ lang: 'en', subject: '', html: '<p>x</p>', problems: [] }), '<p>x</p>');
});

test('e-mail text: subject label per language, blank line, then the plain text', () => {
  assert.equal(composeEmail({ lang: 'en', subject: 'Re: Licence review', text: 'Dear Sir,\n' }), 'Subject: Re: Licence review\n\nDear Sir,\n');
  assert.equal(composeEmail({ lang: 'ja', subject: '調査について（ご回答）', text: '拝復\n' }), '件名: 調査について（ご回答）\n\n拝復\n');
  const result = renderLetter(HOSTILE_LETTER, { today: '2026-11-22' });
  const mail = composeEmail(result);
  assert.ok(mail.startsWith(`件名: ${result.subject}\n\n`));
  assert.ok(mail.endsWith(result.text));
  assert.doesNotMatch(mail, /<p>|&#x3C;/, 'plain text, not HTML');
});
