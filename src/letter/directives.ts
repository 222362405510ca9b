import type { Root, Paragraph, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Processor } from 'unified';
import { visit, SKIP } from 'unist-util-visit';

/** Block layouts a letter needs that Markdown lacks: right-aligned date and sender, centred 記. */
export const LAYOUT_CLASSES: Record<string, string> = { right: 'align-right', center: 'align-center' };

type Syntax = ReturnType<typeof directive>;

/**
 * Container directives only. Text and leaf directives would claim ordinary prose ("a:b[c]"
 * lost its brackets) and cost a check at every colon of a long letter. The package offers
 * the three together; its container construct is the one that is concrete, as fenced code is.
 */
function containerDirectiveSyntax(): Syntax {
  const atColon = directive().flow?.[58];
  const constructs = (Array.isArray(atColon) ? atColon : [atColon]).filter((c) => c?.concrete);
  if (constructs.length !== 1) throw new Error('micromark-extension-directive changed shape: no single container construct');
  return { flow: { 58: constructs } } as Syntax;
}

/** remark plugin: parse `:::name … :::` blocks into container directive nodes. */
export function remarkContainerDirectives(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(containerDirectiveSyntax());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}

/**
 * Turns `:::right` / `:::center` containers into classed divs. Any other name is put back as
 * the text it was typed as, with its content after it, so nothing the writer typed vanishes.
 */
export function remarkLetterLayout() {
  return (tree: Root) => {
    visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
      const cls = LAYOUT_CLASSES[node.name];
      if (cls) {
        node.data = { ...node.data, hName: 'div', hProperties: { className: [cls] } };
        return;
      }
      if (!parent || index === undefined) return;
      const text: Text = { type: 'text', value: `:::${node.name}` };
      const para: Paragraph = { type: 'paragraph', children: [text] };
      parent.children.splice(index, 1, para, ...node.children);
      return [SKIP, index];
    });
  };
}
