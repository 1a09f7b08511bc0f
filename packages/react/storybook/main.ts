/**
 * Storybook configuration for `@orgkit/react`, loaded from the repo root's `.storybook/main.ts`
 * (which re-exports it) so that every package resolves from this package's dependencies.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

// The MSW worker is served from our own static dir (never a CDN); copied from the installed msw
// so it always matches the library version.
const staticDir = join(here, 'public');
mkdirSync(staticDir, { recursive: true });
copyFileSync(require.resolve('msw/mockServiceWorker.js'), join(staticDir, 'mockServiceWorker.js'));

const config: StorybookConfig = {
  stories: [join(here, '../src/**/*.stories.tsx')],
  framework: { name: packageDir('@storybook/react-vite'), options: {} },
  addons: [packageDir('@storybook/addon-docs'), packageDir('@storybook/addon-a11y')],
  staticDirs: [staticDir],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // react-docgen (Babel): react-docgen-typescript needs the TypeScript JS API, which TS 7 lacks.
  typescript: { reactDocgen: 'react-docgen' },
  viteFinal: (vite) => ({
    ...vite,
    build: {
      ...vite.build,
      chunkSizeWarningLimit: 2_000,
      rollupOptions: {
        ...vite.build?.rollupOptions,
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
