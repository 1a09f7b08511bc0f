import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, type RunningDemo, screenshot, startDemo } from './harness.js';

const PASSWORD = 'orgkit-demo';

describe(`demo: pages and buttons gated by Orgkit (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let demo: RunningDemo;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemo();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function signIn(email: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext();
    const { page, problems } = await newPage(context);
    await page.goto(demo.url);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return { page, problems };
  }
  const projectIds = async (page: Page) => {
    await page.locator('[data-project]').first().waitFor();
    return page
      .locator('[data-project]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-project')));
  };

  it('the owner sees every project and the team page', async () => {
    const { page, problems } = await signIn('owner@northwind.demo');
    expect(await projectIds(page)).toEqual(['apollo', 'apollo-api', 'apollo-web', 'zeus']);
    expect(await page.locator('[data-project=zeus] button', { hasText: 'Edit' }).isEnabled()).toBe(
      true,
    );
    // Deploy asks the host's own route, which Orgkit's guard lets the owner through.
    await page.locator('[data-project=zeus]').getByRole('button', { name: 'Deploy' }).click();
    await page
      .locator('[data-project=zeus]')
      .getByRole('status')
      .filter({ hasText: 'Deploy queued by owner@northwind.demo' })
      .waitFor();
    await screenshot(page, 'owner-projects');
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { name: 'Team' }).waitFor();
    await page.getByRole('cell', { name: 'viewer@northwind.demo' }).waitFor();
    await screenshot(page, 'owner-team');
    expect(problems).toEqual([]);
  });

  it('a member sees the projects shared with their group; deploying waits for Level 2', async () => {
    const { page, problems } = await signIn('member@northwind.demo');
    expect(await projectIds(page)).toEqual(['apollo', 'apollo-api', 'apollo-web']);
    const apollo = page.locator('[data-project=apollo]');
    await expect.poll(() => apollo.getByRole('button', { name: 'Edit' }).isEnabled()).toBe(true);
    expect(await apollo.getByRole('button', { name: 'Deploy' }).isDisabled()).toBe(true);
    expect(
      await apollo.getByText('Deploying needs the Engineer role and Level 2 support').isVisible(),
    ).toBe(true);
    await screenshot(page, 'member-projects');
    expect(problems).toEqual([]);
  });

  it('a viewer sees only what is shared with them; a billing contact has no team page', async () => {
    const viewer = await signIn('viewer@northwind.demo');
    expect(await projectIds(viewer.page)).toEqual(['zeus']);
    await expect
      .poll(() =>
        viewer.page
          .locator('[data-project=zeus]')
          .getByRole('button', { name: 'Edit' })
          .isDisabled(),
      )
      .toBe(true);
    await screenshot(viewer.page, 'viewer-projects');
    const billing = await signIn('billing-contact@northwind.demo');
    await billing.page
      .getByText('Your role does not include projects in this organization.')
      .waitFor();
    expect(await billing.page.getByRole('link', { name: 'Team' }).count()).toBe(0);
    await screenshot(billing.page, 'billing-contact');
    expect([...viewer.problems, ...billing.problems].filter((p) => !p.includes('403'))).toEqual([]);
  });
});
