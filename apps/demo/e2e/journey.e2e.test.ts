/**
 * The whole team-management journey in the demo, in headless Chromium against the real server
 * (PGlite, or Postgres when DATABASE_URL is set), one step per test, in order: each step's
 * screenshot goes to the folder global setup prints.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, type RunningDemo, screenshot, startDemo } from './harness.js';

const PASSWORD = 'orgkit-demo';
const INVITED = ['ada@northwind.demo', 'grace@northwind.demo', 'linus@northwind.demo'];
const NEWCOMER = { email: INVITED[0]!, name: 'Ada Lovelace', password: 'analytical-engine-1843' };

describe(`demo journey: invite, accept, roles, sharing, partner, transfer, audit (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let demo: RunningDemo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let owner: Page;
  let newcomer: Page;

  beforeAll(async () => {
    demo = await startDemo();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await demo?.stop();
  });

  /** A fresh browser (its own cookies), with console errors collected into `problems`. */
  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const { page, problems: own } = await newPage(context);
    page.on('close', () => problems.push(...own));
    // checked at the end of each step
    (page as Page & { problems?: string[] }).problems = own;
    return page;
  }
  const pageProblems = (page: Page) => (page as Page & { problems?: string[] }).problems ?? [];

  async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
    await page.goto(demo.url);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }
  async function go(page: Page, link: string, heading = link): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }
  const row = (page: Page, email: string): Locator =>
    page.getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });
  async function activeOrg(page: Page): Promise<string> {
    return (
      await page
        .getByRole('button', { name: /Organization/ })
        .first()
        .innerText()
    ).trim();
  }

  it('1. the owner signs in', async () => {
    owner = await freshPage();
    await signIn(owner, 'owner@northwind.demo');
    await owner.locator('[data-project]').first().waitFor();
    expect(await activeOrg(owner)).toContain('Northwind Partners');
    await screenshot(owner, 'owner-signed-in');
  });

  it('2. switches to a client organization and back with the OrgSwitcher', async () => {
    await go(owner, 'Team');
    await row(owner, 'viewer@northwind.demo').waitFor();
    await owner
      .getByRole('button', { name: /Organization/ })
      .first()
      .click();
    await owner.getByRole('menuitemradio', { name: /^Contoso/ }).click();
    await row(owner, 'owner@contoso.demo').waitFor();
    expect(await row(owner, 'viewer@northwind.demo').count()).toBe(0);
    await screenshot(owner, 'switched-to-contoso');
    await owner
      .getByRole('button', { name: /Organization/ })
      .first()
      .click();
    await owner.getByRole('menuitemradio', { name: /^Northwind Partners/ }).click();
    await row(owner, 'viewer@northwind.demo').waitFor();
  });

  it('3. invites three addresses pasted at once', async () => {
    await owner.getByRole('button', { name: 'Invite people' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Invite people' });
    const addresses = dialog.getByLabel('E-mail addresses');
    await addresses.focus();
    // one paste of three addresses, separated by a comma, a space and a new line
    await owner.evaluate((text) => {
      const target = document.activeElement as HTMLElement;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, `${INVITED[0]}, ${INVITED[1]}\n${INVITED[2]}`);
    await dialog.getByRole('button', { name: 'Send 3 invitations' }).click();
    for (const email of INVITED) {
      await dialog.getByRole('listitem').filter({ hasText: email }).getByText('Invited').waitFor();
    }
    await screenshot(owner, 'invited-three');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => owner.getByRole('dialog').count()).toBe(0);
  });

  it('4. the newcomer opens the link from the dev outbox in another browser and joins', async () => {
    // The outbox holds every mailed link: only the platform admin may read it.
    const postmaster = await freshPage();
    const signedIn = await postmaster.context().request.post(`${demo.url}/v1/auth/sign-in`, {
      data: { email: 'admin@demo.orgkit.dev', password: PASSWORD },
      headers: { origin: demo.url },
    });
    expect(signedIn.status()).toBe(200);
    await postmaster.goto(`${demo.url}/mail`);
    const mail = postmaster.getByRole('row').filter({ hasText: NEWCOMER.email });
    const link = await mail.getByRole('link', { name: 'Open invitation' }).getAttribute('href');
    expect(link, 'an invitation link in the outbox').toMatch(/\/accept-invitation\?token=/);
    await screenshot(postmaster, 'dev-outbox');
    newcomer = await freshPage();
    await newcomer.goto(link!);
    await newcomer.getByRole('heading', { name: /Northwind Partners/ }).waitFor();
    await newcomer.getByLabel('Your name').fill(NEWCOMER.name);
    await newcomer.getByLabel('Choose a password').fill(NEWCOMER.password);
    await screenshot(newcomer, 'newcomer-accepts');
    await newcomer
      .getByRole('button', { name: 'Create account and join Northwind Partners' })
      .click();
    await newcomer.getByRole('button', { name: 'Sign out' }).waitFor();
    await newcomer.getByRole('heading', { name: 'Projects' }).waitFor();
    // a Member: sees the team, not the audit log
    const nav = newcomer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Team' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await screenshot(newcomer, 'newcomer-as-member');
  });

  it("5. the owner makes the newcomer an Admin in TeamTable; the newcomer's view changes on reload", async () => {
    await owner.reload();
    await row(owner, NEWCOMER.email).waitFor();
    await owner.getByRole('button', { name: `Change roles of ${NEWCOMER.name}` }).click();
    await owner.getByRole('menuitemcheckbox', { name: 'Admin' }).click();
    await owner.getByRole('menuitemcheckbox', { name: 'Member' }).click();
    await owner.keyboard.press('Escape');
    await expect.poll(() => row(owner, NEWCOMER.email).innerText()).toMatch(/Admin/);
    await screenshot(owner, 'newcomer-made-admin');
    await newcomer.reload();
    const nav = newcomer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    await screenshot(newcomer, 'newcomer-as-admin');
  });

  it('6. the owner creates a custom role in RoleMatrix', async () => {
    await go(owner, 'Roles');
    await owner.getByRole('button', { name: 'New role' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Role name').fill('Release manager');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await owner.getByRole('columnheader', { name: /Release manager/ }).waitFor();
    const cell = owner.getByRole('checkbox', { name: 'Deploy for Release manager' });
    // saved on the server, then shown checked (not an optimistic toggle)
    await cell.click();
    await expect.poll(() => cell.isChecked()).toBe(true);
    await screenshot(owner, 'custom-role');
  });

  it('7. the owner shares a project with a group in ResourceAccess; its members see it', async () => {
    await go(owner, 'Projects');
    const zeus = owner.locator('[data-project=zeus]');
    await zeus.getByRole('button', { name: 'Share zeus' }).click();
    const dialog = owner.getByRole('dialog', { name: /^Share zeus/ });
    await dialog
      .getByRole('combobox', { name: 'Add people, groups or e-mail addresses' })
      .fill('Eng');
    await owner.getByRole('option', { name: /^Engineering/ }).click();
    const access = dialog.getByRole('group', { name: 'Access of Engineering' });
    await access.getByRole('checkbox', { name: 'Open' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Access saved.').waitFor();
    await screenshot(owner, 'shared-with-engineering');
    await owner.keyboard.press('Escape');
    // Northwind Member is in Engineering: zeus now shows up among their projects
    const member = await freshPage();
    await signIn(member, 'member@northwind.demo');
    await member.locator('[data-project=zeus]').waitFor();
    await screenshot(member, 'engineering-member-sees-zeus');
    expect(pageProblems(member)).toEqual([]);
  });

  it('8. a partner admin opens a client organization from OrgTree', async () => {
    const admin = await freshPage();
    await signIn(admin, 'admin@northwind.demo');
    await go(admin, 'Organizations');
    const tree = admin.getByRole('tree', { name: 'Organizations' });
    await tree.getByRole('button', { name: 'Open Fabrikam' }).click();
    await admin.getByText('Fabrikam is now the active organization.').waitFor();
    await admin.getByRole('button', { name: 'Organization: Fabrikam' }).waitFor();
    await screenshot(admin, 'partner-admin-opens-fabrikam');
    await go(admin, 'Team');
    await row(admin, 'owner@fabrikam.demo').waitFor();
    expect(await row(admin, 'owner@northwind.demo').count()).toBe(0);
    // the choice sticks: after a reload Fabrikam is still the active organization
    await admin.reload();
    await admin.getByRole('button', { name: 'Organization: Fabrikam' }).waitFor();
    await row(admin, 'owner@fabrikam.demo').waitFor();
    await screenshot(admin, 'partner-admin-fabrikam-team');
    expect(pageProblems(admin)).toEqual([]);
  });

  it('9. the owner transfers ownership to the newcomer', async () => {
    await go(owner, 'Team');
    await owner.getByRole('button', { name: `Actions for ${NEWCOMER.name}` }).click();
    await owner.getByRole('menuitem', { name: 'Make owner' }).click();
    const confirm = owner.getByRole('alertdialog');
    await confirm.getByRole('button', { name: /Make owner|Confirm/ }).click();
    await expect.poll(() => row(owner, NEWCOMER.email).innerText()).toMatch(/Owner/);
    await expect.poll(() => row(owner, 'owner@northwind.demo').innerText()).toMatch(/Admin/);
    await screenshot(owner, 'ownership-transferred');
  });

  it('10. the audit log lists every step', async () => {
    await go(owner, 'Audit log');
    const log = owner.getByRole('list', { name: 'Audit log' });
    const event = (action: string, text: string | RegExp) =>
      log.locator(`li[data-action="${action}"]`).filter({ hasText: text });
    const steps: [string, string | RegExp][] = [
      ...INVITED.map((email): [string, string] => ['invitation.created', email]),
      ['invitation.accepted', NEWCOMER.email],
      ['member.roles_updated', NEWCOMER.email],
      ['role.created', 'Release manager'],
      ['role.updated', 'Release manager'],
      ['resource.grants_replaced', 'projects zeus'],
      ['organization.ownership_transferred', NEWCOMER.email],
    ];
    for (const [action, text] of steps) {
      await event(action, text).first().waitFor({ timeout: 10_000 });
    }
    // who did it, by name: the owner for the invitations, the newcomer for the acceptance
    expect(await event('invitation.created', INVITED[0]!).innerText()).toContain('Northwind Owner');
    expect(await event('invitation.accepted', NEWCOMER.email).innerText()).toContain(NEWCOMER.name);
    await screenshot(owner, 'audit-log');
    expect([...pageProblems(owner), ...pageProblems(newcomer), ...problems]).toEqual([]);
  });
});
