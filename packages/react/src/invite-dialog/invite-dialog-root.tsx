import { Dialog, Tooltip } from 'radix-ui';
import { type ReactNode, useMemo, useState } from 'react';
import { useActiveOrgId } from '../hooks/use-active-org-id.js';
import { useCan } from '../hooks/use-can.js';
import { useCreateInvitations } from '../hooks/use-create-invitations.js';
import { usePermissions } from '../hooks/use-permissions.js';
import { useRoles } from '../hooks/use-roles.js';
import { splitEmails } from '../lib/email-list.js';
import { grantableRoles } from '../lib/grantable-roles.js';
import type { InviteResult } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { InviteDialogContext, type InviteDialogContextValue } from './invite-dialog-context.js';

/** Props of {@link InviteDialogRoot}. */
export interface InviteDialogRootProps {
  /** Default: the active organization. */
  readonly orgId?: string | null;
  readonly open?: boolean;
  readonly defaultOpen?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  /** Roles given to the invited (controlled); default `member` when the viewer may give it. */
  readonly roles?: readonly string[];
  readonly defaultRoles?: readonly string[];
  readonly onRolesChange?: (roles: readonly string[]) => void;
  /** Called with the per-address results after each send. */
  readonly onSent?: (results: readonly InviteResult[]) => void;
  readonly children?: ReactNode;
}

const MEMBER: readonly string[] = ['member'];

/** The invite dialog's state (addresses, roles, results) and its Radix Dialog. */
export function InviteDialogRoot(props: InviteDialogRootProps): ReactNode {
  const t = useOrgkitLocale();
  const active = useActiveOrgId();
  const orgId = (props.orgId === undefined ? active.orgId : props.orgId) ?? '';
  const [open, setOpen] = useControllableState(
    props.open,
    props.defaultOpen ?? false,
    props.onOpenChange,
  );
  const can = useCan('invitations:create', { orgId });
  const permissions = usePermissions(orgId || null).permissions;
  const rolesQuery = useRoles(orgId || null);
  const grantable = useMemo(() => {
    const keys = grantableRoles(rolesQuery.data ?? [], permissions);
    return (rolesQuery.data ?? []).filter((r) => keys.has(r.key));
  }, [rolesQuery.data, permissions]);
  const [roles, setRoles] = useControllableState(
    props.roles,
    props.defaultRoles ?? MEMBER,
    props.onRolesChange,
  );
  const [addresses, setAddresses] = useState<readonly string[]>([]);
  const [draft, setDraft] = useState('');
  const [results, setResults] = useState<readonly InviteResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mutation = useCreateInvitations(orgId);
  const commitDraft = () => {
    const more = splitEmails(draft).filter((e) => !addresses.includes(e));
    if (more.length > 0) setAddresses([...addresses, ...more]);
    setDraft('');
  };
  const value: InviteDialogContextValue = {
    orgId,
    canInvite: can.allowed,
    checking: can.status === 'pending',
    addresses,
    setAddresses,
    draft,
    setDraft,
    commitDraft,
    grantable,
    // Only roles still grantable are sent (the default may not be).
    roles: roles.filter((r) => grantable.some((g) => g.key === r)),
    setRoles,
    roleLabel: (key) => t.roles[key] ?? grantable.find((r) => r.key === key)?.name ?? key,
    results,
    sending: mutation.isPending,
    error,
    send() {
      const emails = [...addresses, ...splitEmails(draft).filter((e) => !addresses.includes(e))];
      setDraft('');
      if (emails.length === 0) return;
      setError(null);
      mutation.mutate(
        { emails, roles: value.roles.slice() },
        {
          onSuccess: ({ results: sent }) => {
            setResults(sent);
            // Keep what needs fixing; what went out leaves the input.
            setAddresses(sent.filter((r) => r.result === 'invalid').map((r) => r.email));
            props.onSent?.(sent);
          },
          onError: (e) =>
            setError(
              formatMessage(t.inviteDialog.failed, { message: e.message || t.common.unknownError }),
            ),
        },
      );
    },
    reset() {
      setResults(null);
      setError(null);
    },
  };
  return (
    <InviteDialogContext.Provider value={value}>
      <Tooltip.Provider delayDuration={300}>
        <Dialog.Root open={open} onOpenChange={setOpen}>
          {props.children}
        </Dialog.Root>
      </Tooltip.Provider>
    </InviteDialogContext.Provider>
  );
}
