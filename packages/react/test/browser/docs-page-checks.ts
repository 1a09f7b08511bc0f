import type { Page } from 'playwright-core';
import type { IndexEntry } from './storybook-page.js';

/** The preview of each story on a Docs page (the first story's appears twice: the primary). */
const PREVIEWS = '[id^="story--"]:not([id$="-inner"])';

/** Story names that promise a status block: the preview must show it. */
const PROMISED: Record<string, string> = {
  Loading: 'loading',
  Empty: 'empty',
  Error: 'error',
  Forbidden: 'forbidden',
};

interface PreviewState {
  readonly storyId: string;
  /** The `data-state` of each status block in the preview. */
  readonly statuses: string[];
  /** A dialog story, rendered closed on the Docs page (its trigger only). */
  readonly closedDialog: boolean;
  /** Storybook's own "the story failed to render" block. */
  readonly renderError: boolean;
}

/**
 * What is wrong with a rendered Docs page: a preview showing an error its story was not meant
 * to show (or missing the state its name promises), a preview missing, a modal dialog open, or a
 * page that cannot scroll.
 */
export async function checkDocsPage(page: Page, own: readonly IndexEntry[]): Promise<string[]> {
  const problems: string[] = [];
  // Previews load one after another; wait (a while, on a busy machine) until only the stories
  // meant to stay loading still are. A preview that never settles is reported below.
  const loading = own.filter((s) => s.name === 'Loading').map((s) => `story--${s.id}`);
  await page
    .waitForFunction(
      ({ keep, PREVIEWS }) =>
        [...document.querySelectorAll(PREVIEWS)]
          .filter((el) => !keep.includes(el.id.replace(/--primary$/, '')))
          .every((el) => !el.querySelector('[data-slot="orgkit-status"][data-state="loading"]')),
      { keep: loading, PREVIEWS },
      { timeout: 30_000, polling: 250 },
    )
    .catch(() => undefined);
  const previews = await page.$$eval(PREVIEWS, (elements) =>
    elements.map(
      (el): PreviewState => ({
        storyId: el.id.replace(/^story--/, '').replace(/--primary$/, ''),
        statuses: [
          ...[...el.querySelectorAll('[data-slot="orgkit-status"]')].map(
            (s) => s.getAttribute('data-state') ?? '',
          ),
          // A trigger waiting for its data (a switcher) is busy rather than a status block.
          ...(el.querySelector('[aria-busy="true"]') ? ['loading'] : []),
        ],
        closedDialog: el.querySelector('[data-orgkit-closed-in-docs]') !== null,
        renderError: el.querySelector('.sb-errordisplay, [data-testid="sb-error"]') !== null,
      }),
    ),
  );
  const byId = new Map(previews.map((p) => [p.storyId, p]));
  for (const story of own) {
    const preview = byId.get(story.id);
    if (!preview) {
      problems.push(`${story.name}: no preview on the page`);
      continue;
    }
    if (preview.renderError) problems.push(`${story.name}: the story failed to render`);
    const promised = PROMISED[story.name];
    const meantToFail = promised === 'error' || (story.tags?.includes('shows-error') ?? false);
    if (preview.statuses.includes('error') && !meantToFail) {
      problems.push(`${story.name}: shows an error state`);
    }
    // A play function or a closed dialog reaches the promised state only when used.
    const playDriven = story.tags?.includes('play-fn') ?? false;
    if (promised && !playDriven && !preview.closedDialog && !preview.statuses.includes(promised)) {
      problems.push(
        `${story.name}: shows [${preview.statuses.join(', ')}] instead of the ${promised} state`,
      );
    }
  }
  const locked = await page.evaluate(() => ({
    modal:
      document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"]') !== null,
    pointerEvents: getComputedStyle(document.body).pointerEvents === 'none',
    overflow: getComputedStyle(document.body).overflow === 'hidden',
  }));
  if (locked.modal) problems.push('a modal dialog is open on the page');
  if (locked.pointerEvents || locked.overflow)
    problems.push('the page is locked (scroll or pointer)');
  const scrolled = await page.evaluate(async () => {
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollHeight <= window.innerHeight + 1) return true;
    window.scrollTo(0, root.scrollHeight);
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const moved = window.scrollY > 0;
    window.scrollTo(0, 0);
    return moved;
  });
  if (!scrolled) problems.push('the page cannot scroll');
  return problems;
}
