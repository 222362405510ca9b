import type { Root, RootContent, PhrasingContent, Table, List } from 'mdast';
import { showMissingAsText } from './markdown';
import type { Lang } from './dates';

/** Display width in a monospaced mailer: East Asian wide and full-width characters take two cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right' | 'center' | null | undefined): string {
  const gap = Math.max(0, width - displayWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap >> 1) + text + ' '.repeat(gap - (gap >> 1));
  return text + ' '.repeat(gap);
}

function inline(nodes: PhrasingContent[]): string {
  return nodes.map(inlineNode).join('');
}

function inlineNode(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'link': {
      const label = inline(node.children);
      return label === node.url || node.url.startsWith('mailto:') ? label : `${label} <${node.url}>`;
    }
    case 'image':
      return node.alt ?? '';
    case 'html':
      return '';
    default:
      return 'children' in node ? inline(node.children as PhrasingContent[]) : '';
  }
}

function table(node: Table): string {
  const rows = node.children.map((row) => row.children.map((cell) => inline(cell.children).replace(/\n/g, ' ')));
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!, node.align?.[i])).join(' | ').trimEnd();
  const out = rows.map(line);
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-+-'));
  return out.join('\n');
}

function list(node: List, lang: Lang): string {
  return node.children
    .map((item, i) => {
      const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : lang === 'ja' ? '・' : '- ';
      const body = blocks(item.children, lang);
      const indent = ' '.repeat(displayWidth(marker));
      return marker + body.split('\n').join('\n' + indent);
    })
    .join('\n');
}

function block(node: RootContent, lang: Lang): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inline(node.children);
    case 'list':
      return list(node, lang);
    case 'table':
      return table(node);
    case 'blockquote':
      return blocks(node.children, lang)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'code':
      return node.value
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n');
    case 'thematicBreak':
      return '―'.repeat(20);
    case 'html':
    case 'yaml':
    case 'definition':
      return '';
    default:
      return 'children' in node ? blocks((node as { children: RootContent[] }).children, lang) : '';
  }
}

function blocks(nodes: RootContent[], lang: Lang): string {
  return nodes
    .map((n) => block(n, lang))
    .filter((s) => s.length > 0)
    .join('\n\n');
}

/** The letter as plain text for a mailer: no markup, tables as aligned columns. Reads the tree only. */
export function treeToPlainText(tree: Root, lang: Lang): string {
  return showMissingAsText(blocks(tree.children, lang)).trim() + '\n';
}

