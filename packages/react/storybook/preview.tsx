import type { Catalog } from '@orgkit/core';
import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useState } from 'react';
import '../src/styles/theme.css';
import { fr } from '../src/locale/fr.js';
import { OrgkitProvider } from '../src/provider/orgkit-provider.js';

/** Each story gets a fresh cache, so one story's data never shows in the next. */
const withOrgkit: Decorator = (Story, context) => {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } }),
  );
  const dark = context.globals.theme === 'dark';
  // A story of a host's own catalog (ACL-controlled resources) names it here.
  const catalog = (context.parameters.orgkit as { catalog?: Catalog<string> } | undefined)?.catalog;
  return (
    <OrgkitProvider
      baseUrl=""
      queryClient={queryClient}
      storage={null}
      {...(catalog ? { catalog } : {})}
      {...(context.globals.locale === 'fr' ? { locale: fr } : {})}
    >
      <div
        data-theme={dark ? 'dark' : 'light'}
        style={{
          padding: '1rem',
          minHeight: '16rem',
          background: 'var(--orgkit-background)',
          color: 'var(--orgkit-foreground)',
        }}
      >
        <Story />
      </div>
    </OrgkitProvider>
  );
};

const preview: Preview = {
  decorators: [withOrgkit],
  loaders: [mswLoader()],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Orgkit theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Orgkit locale',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'fr'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
