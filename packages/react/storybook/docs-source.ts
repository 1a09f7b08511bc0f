import type { StoryContext } from '@storybook/react-vite';

/** Entry points a snippet's names come from: hooks' page or the components' main entry. */
const ENTRY = '@orgkit/react';

/** Indents every line of `code` by `spaces`. */
function indent(code: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return code
    .split('\n')
    .map((line) => (line.trim() ? pad + line : line))
    .join('\n');
}

/**
 * A story's "Show code" as an adopter would write it: the stylesheet import, the imports of
 * every Orgkit component the snippet names, and the provider around the JSX.
 */
export function withProvider(code: string): string {
  const jsx = code.trim();
  const names = [...new Set([...jsx.matchAll(/<([A-Z][A-Za-z0-9]*)/g)].map((m) => m[1]!))];
  const imports = ['OrgkitProvider', ...names.filter((n) => n !== 'OrgkitProvider')].sort();
  const body = jsx.startsWith('<OrgkitProvider')
    ? jsx
    : `<OrgkitProvider baseUrl="https://api.example.com">\n${indent(jsx, 2)}\n</OrgkitProvider>`;
  return [
    `import '${ENTRY}/styles.css';`,
    `import { ${imports.join(', ')} } from '${ENTRY}';`,
    '',
    'export function Example() {',
    '  return (',
    indent(body, 4),
    '  );',
    '}',
  ].join('\n');
}

/** `parameters.docs.source` of every story. */
export const docsSource = {
  // The snippet is rendered from the story's element (args included), then completed.
  type: 'dynamic' as const,
  transform: (code: string, _context: StoryContext) => withProvider(code),
};
