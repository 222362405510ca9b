import { test } from 'node:test';
import assert from 'node:assert/strict';
import Handlebars from 'handlebars';
import { clearCompiledChunks, compileBody } from '../../../src/letter/compiledChunks';
import { COMPILE_OPTIONS, environmentFor } from '../../../src/letter/handlebarsEnv';
import { loadCatalogue } from '../../../src/letter/catalogue';
import { parseFrontmatter } from '../../../src/letter/frontmatter';
import { FORMATS, KINDS, LANGS, fullCase, newLetter } from '../catalogue/support';

/** Bodies where whitespace control or scope could differ between chunks and the whole. */
const TRICKY: Record<string, string> = {
  'standalone block after a blank line': 'Intro.\n\n{{#if a}}\nA is set.\n\n{{/if}}\nAfter.\n\nEnd.\n',
  'block not alone on its line': 'Intro {{#if a}}\n\nyes\n{{/if}} tail\n\nEnd.\n',
  'tilde strips across a blank line': 'Intro.\n\n{{~a~}}\n\nMiddle.\n\n  {{~#if a}}  x  {{~/if~}}\n\nEnd.\n',
  'indented standalone partial': 'Intro.\n\n  {{> item}}\n\nEnd.\n',
  'else chain and each': 'Start.\n\n{{#each list}}\n- {{this}}\n\n{{else}}\nnone\n{{/each}}\n\n{{#unless b}}\nno b\n{{else if a}}\na\n{{/unless}}\n',
  'comments standing alone': 'One.\n\n{{! a note }}\n\nTwo.\n\n{{!-- a longer\n\nnote --}}\nThree.\n',
  'inline partial used in a later paragraph': '{{#*inline "x"}}X{{a}}{{/inline}}\n\nUse: {{> x}}\n\nAgain: {{> x}}\n',
  'raw block': 'Before.\n\n{{{{raw}}}}\n{{not a tag}}\n\n{{{{/raw}}}}\n\nAfter.\n',
  'CRLF line ends': 'One {{a}}.\r\n\r\n{{#if a}}\r\nyes\r\n{{/if}}\r\n\r\nTwo.\r\n',
  'lone CR line ends': 'One {{a}}.\r\r{{#if a}}\ryes {{a}}\r{{/if}}\r\rTwo {{a}}.\n\n{{a}}\n',
  'partial block': 'Intro.\n\n{{#> item}}\nfallback\n\n{{/item}}\n\nEnd {{a}}.\n',
  'data variables and root': '{{#each list}}\n{{@index}}: {{this}} of {{@root.a}}\n\n{{/each}}\n\n{{@root.a}}\n',
  'blank lines at the very start and end': '\n\n{{a}}\n\n\n\n{{#if a}}\nx\n{{/if}}\n\n',
};

function env(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerPartial('item', '* {{a}}\n* second line\n');
  hb.registerPartial('p', 'P\nQ');
  hb.registerHelper('raw', (options: Handlebars.HelperOptions) => options.fn(undefined));
  return hb;
}

function sameAsWhole(hb: typeof Handlebars, body: string, context: unknown, where: string): void {
  const whole = hb.compile(hb.parse(body), COMPILE_OPTIONS)(context);
  assert.equal(compileBody(hb, hb.parse(body))(context), whole, where);
}

test('a body compiled in chunks renders as compiled whole', () => {
  const hb = env();
  for (const [name, body] of Object.entries(TRICKY))
    for (const context of [{ a: 'A', list: ['x', 'y'], b: true }, { list: [] }]) {
      clearCompiledChunks();
      sameAsWhole(hb, body, context, `${name} ${JSON.stringify(context)}`);
      sameAsWhole(hb, body, context, `${name} (chunks reused)`);
    }
});

test('a chunk is reused only where it compiles the same', () => {
  // Same tags, different surroundings: a closing tag alone on its line or not, a partial indented
  // or not, lone CR line ends (which Handlebars counts as lines).
  const pairs = [
    ['{{#if a}}\nX\n  {{/if}}\nY', '{{#if a}}\nX\n  {{/if}}Y'],
    ['a\n  {{> p}}\nZ', 'a\n{{> p}}\nZ'],
    ['x\r {{a}}\n\\{{b}}', 'x\r {{b}}\n\\{{b}}'],
    ['{{#each list}}\nX\n  {{/each}}Y', '{{#each list}}\nX\n  {{/each}}\nY'],
  ];
  const hb = env();
  const context = { a: 'A', b: 'B', list: [1] };
  clearCompiledChunks();
  for (const [one, other] of pairs) {
    for (const body of [one!, other!, `${one}\n\n${other}\n\n`, one!]) sameAsWhole(hb, body, context, JSON.stringify(body));
  }
});

test('no text can spell another chunk\'s key', () => {
  const hb = env();
  clearCompiledChunks();
  const mustache = JSON.stringify(hb.parse('{{b}}').body[0], (name, value: unknown) => (name === 'loc' ? undefined : value));
  for (const body of [`a\u0001${mustache}\u0002c`, `a",${mustache},"c`, 'a{{b}}c']) sameAsWhole(hb, body, { b: 'B' }, JSON.stringify(body));
});

test('an error names the line where the failing tag now is', () => {
  const hb = env();
  clearCompiledChunks();
  const failing = '{{> p a b}}\n';
  const message = (body: string) => {
    try {
      compileBody(hb, hb.parse(body))({});
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  const whole = (body: string) => {
    try {
      hb.compile(hb.parse(body), COMPILE_OPTIONS)({});
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  const first = `x\n\n${failing}`;
  const later = `x\n\ny\n\nz\n\n${failing}`;
  assert.equal(message(first), whole(first));
  assert.match(whole(later), /7:0/);
  assert.equal(message(later), whole(later));
});

test('every letter of the catalogue renders the same in chunks', () => {
  const catalogue = loadCatalogue();
  for (const kind of KINDS)
    for (const lang of LANGS)
      for (const format of FORMATS) {
        const body = parseFrontmatter(newLetter(kind, lang, format)).body;
        sameAsWhole(environmentFor(catalogue, lang, format), body, fullCase(), `${kind}/${lang}/${format}`);
      }
});

test('an edited paragraph is recompiled and the others are reused', () => {
  const hb = env();
  clearCompiledChunks();
  const before = 'First {{a}}.\n\nSecond {{a}}.\n\nThird {{a}}.\n';
  let compiles = 0;
  const counting = Object.assign(Object.create(hb) as typeof Handlebars, {
    compile: (...args: Parameters<typeof hb.compile>) => {
      compiles++;
      return hb.compile(...args);
    },
  });
  assert.equal(compileBody(counting, hb.parse(before))({ a: 1 }), 'First 1.\n\nSecond 1.\n\nThird 1.\n');
  assert.equal(compiles, 3, 'one compile per paragraph');
  const after = before.replace('Second', 'Second, edited,');
  assert.equal(compileBody(counting, hb.parse(after))({ a: 2 }), 'First 2.\n\nSecond, edited, 2.\n\nThird 2.\n');
  assert.equal(compiles, 4, 'only the edited paragraph compiled again');
  const plain = `${after}\n| a | b |\n|---|---|\n| 1 | 2 |\n\nClosing.\n`;
  for (const edit of ['| 1 | 2 |', '| 1 | 3 |', '| 9 | 9 |']) {
    const body = plain.replace('| 1 | 2 |', edit);
    assert.equal(compileBody(counting, hb.parse(body))({ a: 2 }), hb.compile(hb.parse(body), COMPILE_OPTIONS)({ a: 2 }));
  }
  assert.equal(compiles, 5, 'text without expressions is never compiled (only the last paragraph, which changed, was)');
});
