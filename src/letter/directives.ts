import type { Root, Paragraph, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Processor, Transformer } from 'unified';
import { visit, SKIP } from 'unist-util-visit';

/** Block layouts a letter needs that Markdown lacks: right-aligned date and sender, centred 記. */
export const LAYOUT_CLASSES: Record<string, string> = { right: 'align-right', center: 'align-center' };

type Syntax = ReturnType<typeof directive>;
type Construct = Exclude<NonNullable<NonNullable<Syntax['flow']>[number]>, unknown[]>;
const COLON = 58;

/**
 * Container directives only. Text and leaf directives would claim ordinary prose ("a:b[c]"
 * lost its brackets) and cost a check at every colon of a long letter. The package offers
 * the three together; its container construct is the one that is concrete, as fenced code is.
 */
function containerDirectiveSyntax(): Syntax {
  const atColon = directive().flow?.[COLON];
  const constructs = (Array.isArray(atColon) ? atColon : [atColon]).filter((c): c is Construct => !!c && !Array.isArray(c) && !!c.concrete);
  if (constructs.length !== 1) throw new Error('micromark-extension-directive changed shape: no single container construct');
  return { flow: { [COLON]: constructs } };
}

/** remark plugin: parse `:::name … :::` blocks into container directive nodes. */
export function remarkContainerDirectives(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(containerDirectiveSyntax());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}

function lineParagraph(value: string): Paragraph {
  const text: Text = { type: 'text', value };
  return { type: 'paragraph', children: [text] };
}

/**
 * Turns `:::right` / `:::center` containers into classed divs. Any other container is put back
 * as typed: its opening and closing lines as text from the source (label and attributes
 * included), its content rendered between them, so nothing the writer typed vanishes.
 */
export function remarkLetterLayout(): Transformer<Root, Root> {
  return (tree, file) => {
    const source = String(file.value);
    visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
      const cls = LAYOUT_CLASSES[node.name];
      if (cls) {
        node.data = { ...node.data, hName: 'div', hProperties: { className: [cls] } };
        return;
      }
      if (!parent || index === undefined) return;
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const lines = source.slice(start, end).split(/\r?\n/);
      const closing = lines.length > 1 && /^\s*:{3,}\s*$/.test(lines[lines.length - 1]!) ? [lineParagraph(lines[lines.length - 1]!.trim())] : [];
      const content = node.children.filter((child) => !child.data || !('directiveLabel' in child.data));
      parent.children.splice(index, 1, lineParagraph(lines[0]!.trim()), ...content, ...closing);
      return [SKIP, index];
    });
  };
}
