/**
 * Bundle size of `@orgkit/react` entries, minified + gzip, with react, react-dom,
 * @tanstack/react-query and radix-ui external (the host ships those anyway); @orgkit/sdk and
 * @orgkit/core are bundled in. Each is printed against a peer bundled the same way in the same
 * run:
 * - components entry vs `@clerk/clerk-react`'s organization surface (provider, switcher,
 *   profile, org list, create org, `Protect`, `SignIn`, hooks) — the package Clerk hosts ship,
 *   before the UI it loads at run time;
 * - hooks-only entry (all of it, and the tree-shaken part a host needs to gate its UI: provider,
 *   `useCan`/`Can`, `useSession`, `useOrgSwitcher`) vs better-auth's React client with its
 *   organization plugin.
 * Also the tree-shaken team page a host builds first (provider, OrgSwitcher, TeamTable,
 * InviteDialog). Goals: hooks-only ≤ 5 kB, components ≤ 25 kB; printed beside the peer.
 */
import { gzipSync } from 'node:zlib';
import { build, type StdinOptions } from 'esbuild';

const EXTERNAL = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  '@tanstack/react-query',
  'radix-ui',
];
const dir = new URL('..', import.meta.url).pathname;

async function gzipSize(input: { entry: string } | { stdin: StdinOptions }): Promise<number> {
  const result = await build({
    ...('entry' in input ? { entryPoints: [`${dir}${input.entry}`] } : { stdin: input.stdin }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    treeShaking: true,
    external: EXTERNAL,
    jsx: 'automatic',
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

const reexport = (contents: string) =>
  gzipSize({ stdin: { contents, resolveDir: dir, loader: 'ts' } });

function line(name: string, value: number, peer: string, peerValue: number, goal: number): void {
  console.log(
    `BENCH ${name} value=${value} unit=bytes peer=${peer} peer_value=${peerValue} ratio=${(value / peerValue).toFixed(3)} goal=${goal} goal_ratio=${(value / goal).toFixed(3)}`,
  );
}

const [hooks, minimal, components, teamPage, betterAuth, clerk] = await Promise.all([
  gzipSize({ entry: 'src/hooks.ts' }),
  // What a host that only gates its UI ships after tree-shaking.
  reexport(
    `export { OrgkitProvider, useCan, Can, useSession, useOrgSwitcher } from './src/hooks.ts';`,
  ),
  gzipSize({ entry: 'src/index.ts' }),
  // A team page after tree-shaking: switcher, members table, invitations.
  reexport(
    `export { OrgkitProvider, OrgSwitcher, TeamTable, InviteDialog } from './src/index.ts';`,
  ),
  reexport(
    `export { createAuthClient } from 'better-auth/react'; export { organizationClient } from 'better-auth/client/plugins';`,
  ),
  reexport(
    `export { ClerkProvider, OrganizationSwitcher, OrganizationProfile, OrganizationList, CreateOrganization, Protect, SignIn, useOrganization, useOrganizationList, useAuth } from '@clerk/clerk-react';`,
  ),
]);
line('react.hooks.bundle.gzip', hooks, 'better-auth/react+organizationClient', betterAuth, 5_000);
line(
  'react.hooks.gating.bundle.gzip',
  minimal,
  'better-auth/react+organizationClient',
  betterAuth,
  5_000,
);
line('react.components.bundle.gzip', components, '@clerk/clerk-react(org surface)', clerk, 25_000);
line(
  'react.components.team-page.bundle.gzip',
  teamPage,
  '@clerk/clerk-react(org surface)',
  clerk,
  25_000,
);
