/**
 * The built Storybook in headless Chromium (playwright-core + Debian's chromium). Storybook is
 * built once by the project's global setup (build-storybook.ts); then every story and every
 * Docs page is its own test, so a failure names it and each has its own timeout:
 * - a story page: renders, its play function (the interaction tests of the main flows) passes,
 *   no console or page error, no axe violation;
 * - a Docs page: no error, each preview shows its own story's state (never an error it was not
 *   meant to show), the page scrolls (no dialog locks it), no axe violation.
 *
 * Needs Debian's Chromium (`apt-get install -y chromium`) at /usr/bin/chromium, or
 * ORGKIT_CHROMIUM=/path/to/chrome. In CI a missing browser fails the tests.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserTestsRun, CHROMIUM } from './chromium.js';
import { checkDocsPage } from './docs-page-checks.js';
import {
  axeViolations,
  type IndexEntry,
  openPreview,
  openStorybook,
  previewErrors,
  readIndex,
  type StorybookSession,
} from './storybook-page.js';

const entries = readIndex(inject('storybookDir'));
const stories = entries.filter((e) => e.type === 'story');
const docsPages = entries.filter((e) => e.type === 'docs');

if (!browserTestsRun) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! react-browser: NO CHROMIUM at ${CHROMIUM}: the Storybook browser tests are\n!! SKIPPED on this machine. Install it: apt-get install -y chromium\n${'!'.repeat(78)}\n`,
  );
}

describe.skipIf(!browserTestsRun)('Storybook in Chromium', () => {
  let session: StorybookSession | undefined;

  beforeAll(async () => {
    expect(stories.length, 'Storybook was built and lists stories').toBeGreaterThan(0);
    session = await openStorybook(inject('storybookDir'));
  });

  afterAll(async () => {
    expect(session?.externalRequests ?? [], 'nothing loads from outside').toEqual([]);
    await session?.close();
  });

  describe.concurrent('story', () => {
    it.each(stories.map((s) => [`${s.title} › ${s.name}`, s] as const))(
      '%s',
      async (_name, story: IndexEntry) => {
        const { page, problems } = await openPreview(session!, story.id, 'story');
        try {
          problems.push(...(await axeViolations(page)));
          expect(problems, problems.join('\n')).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );
  });

  describe.concurrent('Docs page', () => {
    it.each(docsPages.map((d) => [d.title, d] as const))('%s', async (_name, docs: IndexEntry) => {
      const own = stories.filter((s) => s.title === docs.title);
      const { page, problems } = await openPreview(session!, docs.id, 'docs');
      try {
        problems.push(...(await checkDocsPage(page, own)));
        problems.push(...(await axeViolations(page)));
        expect(problems, problems.join('\n')).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe('flows', () => {
    it('starts each story from its own world: an invitation sent in one story is not in the next', async () => {
      const { page, problems } = await openPreview(
        session!,
        'team-invitedialog--invite-pasted-list',
        'story',
      );
      try {
        expect(problems, problems.join('\n')).toEqual([]);
        await expect.poll(() => page.getByText('ines@example.com').count()).toBeGreaterThan(0);
        // The next story in the same preview, without a reload (as the sidebar switches stories).
        await page.evaluate(() => {
          const w = window as unknown as {
            __orgkit: { rendered: number };
            __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, payload: unknown): void };
          };
          w.__orgkit.rendered = 0;
          w.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', {
            storyId: 'team-invitedialog--open',
            viewMode: 'story',
          });
        });
        await page.waitForFunction(
          () => (window as unknown as { __orgkit: { rendered: number } }).__orgkit.rendered > 0,
        );
        const pending = page.getByRole('region', { name: 'Pending invitations' });
        await expect.poll(() => pending.getByRole('listitem').count()).toBeGreaterThan(0);
        expect(await pending.getByText('ines@example.com').count()).toBe(0);
        expect(await previewErrors(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('windows TeamTable rows and loads the next page while scrolling 10,000 members', async () => {
      const { page, problems } = await openPreview(session!, 'team-teamtable--many-rows', 'story');
      try {
        expect(problems, problems.join('\n')).toEqual([]);
        await page.waitForSelector('tbody tr[aria-rowindex]', { timeout: 15_000 });
        const table = page.locator('table[aria-rowcount]');
        const firstCount = Number(await table.getAttribute('aria-rowcount'));
        const rendered = () =>
          page.$$eval('tbody tr[aria-rowindex]', (rows) =>
            rows.map((r) => Number(r.getAttribute('aria-rowindex'))),
          );
        expect((await rendered()).length).toBeLessThan(firstCount - 1);
        // Scroll to the end of what is loaded: the next cursor page arrives and the window moves.
        await page.$eval('[data-slot="orgkit-team-table-viewport"]', (el) => {
          el.scrollTop = el.scrollHeight;
        });
        await page.waitForFunction(
          (before) =>
            Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount')) >
            before,
          firstCount,
          { timeout: 15_000 },
        );
        const rows = await rendered();
        expect(Math.min(...rows)).toBeGreaterThan(2);
        expect(Math.max(...rows)).toBeGreaterThanOrEqual(firstCount - 1);
        expect(rows.length).toBeLessThan(60);
      } finally {
        await page.close();
      }
    });
  });
});
