import { DropdownMenu } from 'radix-ui';
import { type ComponentPropsWithoutRef, type ReactNode, useState } from 'react';
import { useOrgSwitcher } from '../hooks/use-org-switcher.js';
import { useOrganization } from '../hooks/use-organization.js';
import { cx } from '../lib/cx.js';
import type { MyOrganization } from '../lib/types.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { OrgSwitcherContext, useOrgSwitcherContext } from './org-switcher-context.js';

/** Props of {@link OrgSwitcherRoot}. */
export interface OrgSwitcherRootProps {
  /** Whether the menu is open (controlled). */
  readonly open?: boolean;
  /** Whether the menu starts open (uncontrolled). */
  readonly defaultOpen?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  /** Called after the user picks an organization (the switch is already applied). */
  readonly onValueChange?: (orgId: string) => void;
  /**
   * Whether the menu is modal (hides the rest of the page from assistive technology while open).
   * Default false: the switcher is a light menu in a header.
   */
  readonly modal?: boolean;
  readonly children?: ReactNode;
}

/** The org switcher's state and menu; every other part goes inside it. */
export function OrgSwitcherRoot(props: OrgSwitcherRootProps): ReactNode {
  const switcher = useOrgSwitcher();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(props.defaultOpen ?? false);
  const open = props.open ?? uncontrolledOpen;
  const setOpen = (next: boolean) => {
    setUncontrolledOpen(next);
    props.onOpenChange?.(next);
  };
  const onValueChange = props.onValueChange;
  const value: typeof switcher = {
    ...switcher,
    switchTo: async (orgId) => {
      await switcher.switchTo(orgId);
      onValueChange?.(orgId);
    },
  };
  return (
    <OrgSwitcherContext.Provider value={value}>
      <DropdownMenu.Root open={open} onOpenChange={setOpen} modal={props.modal ?? false}>
        {props.children}
      </DropdownMenu.Root>
    </OrgSwitcherContext.Provider>
  );
}

/** Props of {@link OrgSwitcherTrigger}. */
export interface OrgSwitcherTriggerProps extends ComponentPropsWithoutRef<'button'> {
  readonly asChild?: boolean;
}

/** The button showing the active organization (or the placeholder); opens the menu. */
export function OrgSwitcherTrigger({
  className,
  children,
  ...props
}: OrgSwitcherTriggerProps): ReactNode {
  const t = useOrgkitLocale();
  const { activeOrg, activeOrgId, status, isSwitching } =
    useOrgSwitcherContext('OrgSwitcherTrigger');
  // An org managed from above (opened in OrgTree) is active without being a membership.
  const managed = useOrganization(activeOrg ? null : activeOrgId);
  const label =
    status === 'pending'
      ? t.common.loading
      : (activeOrg?.organization.name ?? managed.data?.name ?? t.orgSwitcher.placeholder);
  return (
    <DropdownMenu.Trigger
      data-slot="orgkit-org-switcher-trigger"
      aria-label={`${t.orgSwitcher.label}: ${label}`}
      aria-busy={isSwitching || status === 'pending' || undefined}
      className={cx('orgkit-org-switcher-trigger', className)}
      {...props}
    >
      {children ?? (
        <>
          <span data-slot="orgkit-org-switcher-value">{label}</span>
          <span aria-hidden="true">▾</span>
        </>
      )}
    </DropdownMenu.Trigger>
  );
}

/** Props of {@link OrgSwitcherContent}. */
export interface OrgSwitcherContentProps
  extends ComponentPropsWithoutRef<typeof DropdownMenu.Content> {
  /** Render into a portal (default true). */
  readonly portal?: boolean;
}

/** The menu: the caller's organizations as radio items, the active one checked. */
export function OrgSwitcherContent({
  className,
  children,
  portal = true,
  ...props
}: OrgSwitcherContentProps): ReactNode {
  const t = useOrgkitLocale();
  const { organizations, activeOrgId, switchTo } = useOrgSwitcherContext('OrgSwitcherContent');
  const content = (
    <DropdownMenu.Content
      data-slot="orgkit-org-switcher-content"
      sideOffset={4}
      align="start"
      aria-label={t.orgSwitcher.label}
      className={cx('orgkit-org-switcher-content', className)}
      {...props}
    >
      {children ?? (
        <DropdownMenu.RadioGroup
          value={activeOrgId ?? ''}
          onValueChange={(orgId) => void switchTo(orgId).catch(() => undefined)}
        >
          {organizations.map((m) => (
            <OrgSwitcherItem key={m.organization.id} membership={m} />
          ))}
        </DropdownMenu.RadioGroup>
      )}
    </DropdownMenu.Content>
  );
  return portal ? <DropdownMenu.Portal>{content}</DropdownMenu.Portal> : content;
}

/** Props of {@link OrgSwitcherItem}. */
export interface OrgSwitcherItemProps
  extends Omit<ComponentPropsWithoutRef<typeof DropdownMenu.RadioItem>, 'value'> {
  readonly membership: MyOrganization;
}

/** One organization in the menu, with its kind and the caller's roles there. */
export function OrgSwitcherItem({
  membership,
  className,
  children,
  ...props
}: OrgSwitcherItemProps): ReactNode {
  const t = useOrgkitLocale();
  const org = membership.organization;
  const roles = membership.roles.map((r) => t.roles[r] ?? r).join(', ');
  return (
    <DropdownMenu.RadioItem
      value={org.id}
      disabled={membership.status !== 'active'}
      data-slot="orgkit-org-switcher-item"
      className={cx('orgkit-org-switcher-item', className)}
      {...props}
    >
      {children ?? (
        <>
          <span data-slot="orgkit-org-switcher-item-name">{org.name}</span>
          <span data-slot="orgkit-org-switcher-item-meta">
            {t.orgSwitcher.kinds[org.kind]}
            {roles ? ` · ${roles}` : ''}
          </span>
        </>
      )}
    </DropdownMenu.RadioItem>
  );
}
