import type { Catalog } from '@orgkit/core';
import { createOrgkitClient } from '@orgkit/sdk';
import {
  Controls,
  Description,
  Primary,
  Stories,
  Subtitle,
  Title,
} from '@storybook/addon-docs/blocks';
import type { Decorator, Preview, ReactRenderer } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useState } from 'react';
import type { ArgsEnhancer } from 'storybook/internal/types';
import { fn } from 'storybook/test';
import '../src/styles/theme.css';
import { fr } from '../src/locale/fr.js';
import { OrgkitProvider } from '../src/provider/orgkit-provider.js';
import { storyFetch } from '../src/story-support/story-fetch.js';
import { mockApi, type StoryWorld } from '../src/story-support/story-handlers.js';
import { StylingHooksBlock } from './blocks/styling-hooks.js';
import { docsSource } from './docs-source.js';

/** What a story may say about its Orgkit setup (`parameters.orgkit`). */
interface OrgkitParameters {
  /** The mock world (default: Acme, signed in as Olivia, the owner). */
  readonly world?: StoryWorld;
  /** A host's own catalog (ACL-controlled resources), given to the provider. */
  readonly catalog?: Catalog<string>;
}

type Theme = 'light' | 'dark' | 'system';

/**
 * Each rendered story — a story page or one preview of a Docs page — gets its own world, its
 * own client (a fetch answered in memory by that world) and a fresh cache, so one story's data
 * never shows in another and every preview shows its own state.
 */
const withOrgkit: Decorator = (Story, context) => {
  const parameters = (context.parameters.orgkit ?? {}) as OrgkitParameters;
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } }),
  );
  const [client] = useState(() =>
    createOrgkitClient({ baseUrl: '', fetch: storyFetch((parameters.world ?? mockApi())()) }),
  );
  const theme = (context.globals.theme ?? 'light') as Theme;
  // The theme goes on the document, so dialogs, menus and tooltips (portalled to <body>) follow
  // it. On a Docs page a story that pins its own theme only themes its own preview.
  const pinned = context.viewMode === 'docs' && context.storyGlobals?.theme !== undefined;
  useLayoutEffect(() => {
    if (pinned) return;
    document.documentElement.dataset.theme = theme;
  }, [theme, pinned]);
  // A dialog's open stories are story pages; on a Docs page it renders closed (its trigger),
  // so the page stays readable and scrollable. Clicking the trigger opens it in that world.
  const closedInDocs = context.viewMode === 'docs' && context.args.defaultOpen === true;
  const args = closedInDocs ? { ...context.args, defaultOpen: false } : context.args;
  return (
    <OrgkitProvider
      client={client}
      queryClient={queryClient}
      storage={null}
      {...(parameters.catalog ? { catalog: parameters.catalog } : {})}
      {...(context.globals.locale === 'fr' ? { locale: fr } : {})}
    >
      <div
        data-theme={theme}
        data-orgkit-closed-in-docs={closedInDocs || undefined}
        style={{
          padding: '1rem',
          minHeight: '16rem',
          background: 'var(--orgkit-background)',
          color: 'var(--orgkit-foreground)',
        }}
      >
        <Story args={args} />
      </div>
    </OrgkitProvider>
  );
};

/**
 * Every `on…` callback prop a story does not set is a spy: its calls show in the Actions panel,
 * and play functions may call it.
 */
const callbacksAsActions: ArgsEnhancer<ReactRenderer> = ({ argTypes, initialArgs }) =>
  Object.fromEntries(
    Object.keys(argTypes)
      .filter((name) => /^on[A-Z]/.test(name) && initialArgs[name] === undefined)
      .map((name) => [name, fn().mockName(name)]),
  );

const preview: Preview = {
  decorators: [withOrgkit],
  argsEnhancers: [callbacksAsActions],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Orgkit theme (on the document: portalled dialogs and menus follow)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'system', title: 'System' },
        ],
        dynamicTitle: true,
      },
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
    docs: {
      source: docsSource,
      // The default page, then what a host styles the component by.
      page: () => (
        <>
          <Title />
          <Subtitle />
          <Description />
          <Primary />
          <Controls />
          <Stories />
          <StylingHooksBlock />
        </>
      ),
    },
    options: {
      storySort: {
        order: [
          'Guides',
          ['Introduction', 'Theming', 'Localization', 'Hooks', 'Composition', 'Server'],
        ],
      },
    },
  },
};

export default preview;
