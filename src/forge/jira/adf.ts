/**
 * Plain text to Atlassian Document Format, the body REST API v3 requires for comments. Accord's action texts are
 * plain text written by an admin, so blank lines become paragraphs and single line breaks `hardBreak`s (ADF text
 * nodes must not carry newlines, and must not be empty).
 */

/** An ADF inline node Accord writes. */
export type AdfInline = { readonly type: 'text'; readonly text: string } | { readonly type: 'hardBreak' };

/** An ADF document of paragraphs. */
export interface AdfDocument {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly { readonly type: 'paragraph'; readonly content: readonly AdfInline[] }[];
}

/**
 * The ADF document for `text`.
 * @example textToAdf('Breached.') // { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Breached.' }] }] }
 */
export function textToAdf(text: string): AdfDocument {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph.split('\n').flatMap((line, i): AdfInline[] => {
        const parts: AdfInline[] = i === 0 ? [] : [{ type: 'hardBreak' }];
        if (line !== '') parts.push({ type: 'text', text: line });
        return parts;
      }),
    })),
  };
}
