/**
 * Storybook configuration for `@orgkit/react`, loaded from the repo root's `.storybook/main.ts`
 * (which re-exports it) so that every package resolves from this package's dependencies.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { docgenOmitAfter, docgenOmitBefore } from './docgen-omit.js';
import { stylingHooksPlugin } from './styling-hooks-plugin.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const config: StorybookConfig = {
  // The guides first (Introduction is the landing page), then one Docs page per component.
  stories: [join(here, 'guides/*.mdx'), join(here, '../src/**/*.stories.tsx')],
  framework: { name: packageDir('@storybook/react-vite'), options: {} },
  addons: [packageDir('@storybook/addon-docs'), packageDir('@storybook/addon-a11y')],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // react-docgen (Babel): react-docgen-typescript needs the TypeScript JS API, which TS 7 lacks.
  typescript: { reactDocgen: 'react-docgen' },
  viteFinal: (vite) => ({
    ...vite,
    plugins: [
      docgenOmitBefore(),
      ...(vite.plugins ?? []),
      docgenOmitAfter(),
      stylingHooksPlugin(join(here, '../src')),
    ],
    build: {
      ...vite.build,
      chunkSizeWarningLimit: 2_000,
      rolldownOptions: {
        ...vite.build?.rolldownOptions,
        // Function names survive minification, so snippets read <Can>, <TeamTable>.
        output: { ...vite.build?.rolldownOptions?.output, keepNames: true },
        // Radix ships "use client" directives; they mean nothing in a client-only bundle.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  }),
};

export default config;
