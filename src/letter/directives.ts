import type { Root, Paragraph, PhrasingContent, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

/** Block layouts a letter needs that Markdown lacks: right-aligned date and sender, centred 記. */
export const LAYOUT_CLASSES: Record<string, string> = { right: 'align-right', center: 'align-center' };

interface DirectiveLike {
  type: 'containerDirective' | 'leafDirective' | 'textDirective';
  name: string;
  children: PhrasingContent[] | Root['children'];
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}

/**
 * Turns `:::right` / `:::center` containers into classed divs. Any other
 * directive is put back as the text it was typed as: a colon in ordinary
 * prose ("Ref:ABC") must not vanish.
 */
export function remarkLetterLayout() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      const d = node as unknown as DirectiveLike;
      if (d.type !== 'containerDirective' && d.type !== 'leafDirective' && d.type !== 'textDirective') return;
      const cls = d.type === 'containerDirective' ? LAYOUT_CLASSES[d.name] : undefined;
      if (cls) {
        d.data = { ...d.data, hName: 'div', hProperties: { className: [cls] } };
        return;
      }
      if (!parent || index === undefined) return;
      const prefix = d.type === 'containerDirective' ? ':::' : d.type === 'leafDirective' ? '::' : ':';
      const text: Text = { type: 'text', value: prefix + d.name };
      if (d.type === 'textDirective') {
        parent.children.splice(index, 1, text as never, ...(d.children as never[]));
      } else {
        const para: Paragraph = { type: 'paragraph', children: [text] };
        parent.children.splice(index, 1, para as never, ...(d.children as never[]));
      }
      return [SKIP, index];
    });
  };
}
