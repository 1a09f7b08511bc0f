import type { OrgkitError } from '@orgkit/sdk';
import { Dialog } from 'radix-ui';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useActiveOrgId } from '../hooks/use-active-org-id.js';
import { useCan } from '../hooks/use-can.js';
import { useGroups } from '../hooks/use-groups.js';
import { useMembers } from '../hooks/use-members.js';
import {
  useReplaceGrants,
  useResourceGrants,
  useResourceRecipients,
} from '../hooks/use-resource-grants.js';
import { useResource } from '../hooks/use-resource-registry.js';
import { usePermissionCatalog, useRoles } from '../hooks/use-roles.js';
import type { Grant, GrantInput, GrantPrincipal } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import {
  principalKey,
  type ResourceAccessAction,
  ResourceAccessContext,
  type ResourceAccessContextValue,
} from './resource-access-context.js';

/** Props of {@link ResourceAccessRoot}. */
export interface ResourceAccessRootProps {
  /** Default: the active organization. */
  readonly orgId?: string | null;
  /** The resource's type: an ACL-controlled resource of the catalog (`projects`). */
  readonly type: string;
  /** The resource instance's id, as registered with Orgkit. */
  readonly resourceId: string;
  /** What to call the resource in the title. Default: its id. */
  readonly resourceName?: string;
  /** Whether the dialog is open (controlled); unused by the inline parts. */
  readonly open?: boolean;
  readonly defaultOpen?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  /** Called with the grants now on the resource after each save. */
  readonly onSaved?: (grants: readonly Grant[]) => void;
  readonly children?: ReactNode;
}

const asInput = (g: Grant): GrantInput => ({
  principal: g.principal,
  ...(g.actions ? { actions: g.actions } : {}),
  ...(g.role ? { role: g.role } : {}),
});

/**
 * The share dialog's state — the resource's grants (direct and inherited), the edited list,
 * the labels of members, groups, roles and actions, saving — and its Radix Dialog. The inline
 * parts work inside it without the dialog.
 */
export function ResourceAccessRoot(props: ResourceAccessRootProps): ReactNode {
  const t = useOrgkitLocale();
  const active = useActiveOrgId();
  const orgId = (props.orgId === undefined ? active.orgId : props.orgId) ?? '';
  const { type, resourceId } = props;
  const resource = useMemo(() => ({ type, id: resourceId }), [type, resourceId]);
  const [open, setOpenState] = useControllableState(
    props.open,
    props.defaultOpen ?? false,
    props.onOpenChange,
  );

  // Nothing loads until a panel shows (the dialog opens, or the inline panel mounts): a page
  // with a Share button per row makes no request per row.
  const [panels, setPanels] = useState(0);
  const attach = useCallback(() => {
    setPanels((n) => n + 1);
    return () => setPanels((n) => n - 1);
  }, []);
  const live = panels > 0 ? orgId : '';
  const grants = useResourceGrants(live || null, resource);
  const registered = useResource(live, type, resourceId);
  const recipients = useResourceRecipients(live || null, resource);
  const catalog = usePermissionCatalog();
  const roles = useRoles(live || null);
  const members = useMembers(live || null, { limit: 200 });
  const groups = useGroups(live || null, { limit: 200 });
  const manage = useCan('access:manage', { orgId: live || null });
  const replace = useReplaceGrants(orgId, resource);

  const saved = useMemo(
    () => (grants.data ?? []).filter((g) => g.inheritedFrom === null).map(asInput),
    [grants.data],
  );
  const inherited = useMemo(
    () => (grants.data ?? []).filter((g) => g.inheritedFrom !== null),
    [grants.data],
  );
  const [draft, setDraft] = useState<readonly GrantInput[] | null>(null);
  const direct = draft ?? saved;
  const [failure, setFailure] = useState<ResourceAccessContextValue['failure']>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);

  const actions = useMemo<ResourceAccessAction[]>(() => {
    for (const module of catalog.data?.modules ?? []) {
      for (const section of module.sections) {
        const found = section.resources.find((r) => r.resource === type);
        if (found) {
          return found.actions
            .filter((a) => a.action !== 'all')
            .map((a) => ({ action: a.action, label: a.label }));
        }
      }
    }
    return [];
  }, [catalog.data, type]);

  const names = useMemo(() => {
    const map = new Map<string, { label: string; detail?: string }>();
    for (const u of recipients.data?.users ?? [])
      map.set(`user:${u.id}`, { label: u.name, detail: u.email });
    for (const m of members.members)
      map.set(`user:${m.userId}`, { label: m.name, detail: m.email });
    for (const g of groups.groups) {
      map.set(`group:${g.id}`, {
        label: g.name,
        detail: formatMessage(t.resourceAccess.groupMembers, { count: g.memberCount }),
      });
    }
    return map;
  }, [recipients.data, members.members, groups.groups, t]);

  const edit = (next: readonly GrantInput[]) => {
    setDraft(next);
    setFailure(null);
    setMessage(null);
  };
  const defaultActions = actions.some((a) => a.action === 'read')
    ? ['read']
    : actions.slice(0, 1).map((a) => a.action);
  const labelOf = (p: GrantPrincipal) =>
    p.kind === 'email' ? p.email : (names.get(principalKey(p))?.label ?? p.id);

  // The dialog opens before its data: focus goes to the add input once it shows.
  const focusOnMount = useRef(false);
  const registerInput = useCallback((el: HTMLInputElement | null) => {
    input.current = el;
    if (el && focusOnMount.current) {
      focusOnMount.current = false;
      el.focus();
    }
  }, []);

  const error: OrgkitError | null = grants.error ?? registered.error ?? catalog.error ?? null;
  const value: ResourceAccessContextValue = {
    orgId,
    resource,
    resourceName: props.resourceName ?? resourceId,
    status: error ? 'error' : grants.isPending || catalog.isPending ? 'pending' : 'success',
    error,
    notFound: registered.error?.status === 404,
    direct,
    inherited,
    actions,
    canManage: manage.allowed,
    checking: manage.status === 'pending',
    dirty: draft !== null,
    add(principal) {
      if (value.has(principal)) return;
      edit([...direct, { principal, actions: defaultActions }]);
      setMessage(formatMessage(t.resourceAccess.added, { name: labelOf(principal) }));
    },
    remove(index) {
      edit(direct.filter((_, i) => i !== index));
    },
    setActions(index, next) {
      edit(
        direct.map((g, i) => (i === index ? { principal: g.principal, actions: [...next] } : g)),
      );
    },
    has: (p) => direct.some((g) => principalKey(g.principal) === principalKey(p)),
    labelOf,
    detailOf: (p) => (p.kind === 'email' ? undefined : names.get(principalKey(p))?.detail),
    roleLabel: (key) => t.roles[key] ?? roles.data?.find((r) => r.key === key)?.name ?? key,
    actionLabel: (action) => actions.find((a) => a.action === action)?.label ?? action,
    save() {
      // A member or group given no action would have no access: say so before sending.
      const empty: Record<number, string> = {};
      direct.forEach((g, i) => {
        if (g.principal.kind !== 'email' && !g.role && (g.actions?.length ?? 0) === 0)
          empty[i] = t.resourceAccess.needsAction;
      });
      if (Object.keys(empty).length > 0) {
        setFailure({ message: t.resourceAccess.needsAction, rows: empty });
        return;
      }
      setFailure(null);
      setMessage(null);
      replace.mutate(
        { grants: direct.map((g) => ({ ...g })) },
        {
          onSuccess: (result) => {
            setDraft(null);
            setMessage(t.resourceAccess.saved);
            props.onSaved?.(result);
          },
          onError: (e) => {
            const rows: Record<number, string> = {};
            for (const f of e.fieldErrors) {
              const match = /^grants\.(\d+)\./.exec(f.path);
              if (match) rows[Number(match[1])] = f.message;
            }
            setFailure({
              message: formatMessage(t.resourceAccess.failed, {
                message: e.message || t.common.unknownError,
              }),
              rows,
            });
          },
        },
      );
    },
    discard() {
      setDraft(null);
      setFailure(null);
      setMessage(null);
    },
    saving: replace.isPending,
    failure,
    message,
    open,
    setOpen(next) {
      setOpenState(next);
      // Closing the dialog cancels what was not saved.
      if (!next) {
        value.discard();
        focusOnMount.current = false;
      }
    },
    suggesting,
    setSuggesting,
    registerInput,
    focusInput: () => input.current?.focus(),
    focusInputOnMount() {
      if (input.current) input.current.focus();
      else focusOnMount.current = true;
    },
    attach,
  };
  return (
    <ResourceAccessContext.Provider value={value}>
      <Dialog.Root open={open} onOpenChange={value.setOpen}>
        {props.children}
      </Dialog.Root>
    </ResourceAccessContext.Provider>
  );
}
