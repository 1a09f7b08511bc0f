// Server rendering in plain Node (no bundler, no TypeScript): Orgkit's components import and
// render with renderToString, and nothing is fetched during the render.
import { OrgkitProvider, TeamTable } from '@orgkit/react';
import { QueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const html = renderToString(
  createElement(
    OrgkitProvider,
    { baseUrl: 'http://api.invalid', queryClient: new QueryClient(), orgId: 'org_1' },
    createElement(TeamTable),
  ),
);
if (!html.includes('data-slot="orgkit-team-table')) {
  console.error(`unexpected server render: ${html.slice(0, 400)}`);
  process.exit(1);
}
console.log(`renderToString ok: ${html.length} characters`);
