import type { ReactNode } from 'react';
import type { Member, MemberFilters } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import type { OrgkitLocale } from '../locale/types.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { isOwner, type TeamTableContextValue, useTeamTableContext } from './team-table-context.js';
import { TeamTableRoleCell } from './team-table-role-cell.js';
import { TeamTableRowActions } from './team-table-row-actions.js';

/** A column of the team table (TanStack-Table-like: a header and a cell per member). */
export interface TeamTableColumn {
  readonly id: string;
  /** The header's text (also the sort button's label). */
  header(t: OrgkitLocale): string;
  /** Sorted server-side by this key when the header is activated. */
  readonly sort?: NonNullable<MemberFilters['sort']>;
  /** The order of the first activation of the sort (then it toggles). Default `asc`. */
  readonly firstOrder?: 'asc' | 'desc';
  /** Hide the header text (keep it for screen readers), e.g. for the selection column. */
  readonly headerHidden?: boolean;
  /** Renders the header cell's content instead of the text. */
  renderHeader?(): ReactNode;
  cell(member: Member, state: TeamTableContextValue, t: OrgkitLocale): ReactNode;
  /** Shown only when true for the loaded members (optional data such as groups). */
  when?(members: readonly Member[]): boolean;
}

const selectable = (m: Member, viewerId: string | null) => !isOwner(m) && m.userId !== viewerId;

function SelectAll(): ReactNode {
  const t = useOrgkitLocale();
  const { members, selection, setSelection, viewerId } = useTeamTableContext('TeamTableSelectAll');
  const ids = members.filter((m) => selectable(m, viewerId)).map((m) => m.userId);
  const all = ids.length > 0 && selection.length >= ids.length;
  return (
    <input
      type="checkbox"
      data-slot="orgkit-checkbox"
      aria-label={t.teamTable.selectAll}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = !all && selection.length > 0;
      }}
      disabled={ids.length === 0}
      onChange={() => setSelection(all ? [] : ids)}
    />
  );
}

function SelectRow({ member }: { member: Member }): ReactNode {
  const t = useOrgkitLocale();
  const { selection, setSelection, viewerId, protectedReason } =
    useTeamTableContext('TeamTableSelectRow');
  const checked = selection.includes(member.userId);
  const reason =
    protectedReason(member) ?? (member.userId === viewerId ? t.teamTable.reasons.self : null);
  return (
    <input
      type="checkbox"
      data-slot="orgkit-checkbox"
      aria-label={formatMessage(t.teamTable.selectRow, { name: member.name })}
      checked={checked}
      disabled={reason !== null}
      title={reason ?? undefined}
      onChange={() =>
        setSelection(
          checked ? selection.filter((id) => id !== member.userId) : [...selection, member.userId],
        )
      }
    />
  );
}

function Status({ member, t }: { member: Member; t: OrgkitLocale }): ReactNode {
  return (
    <span data-slot="orgkit-badge" data-status={member.status}>
      {t.teamTable.status[member.status]}
    </span>
  );
}

// One formatter per locale: Intl formatters are costly to build, rows are many.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(code: string, iso: string): string {
  let f = dateFormats.get(code);
  if (!f) {
    f = new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(code, f);
  }
  return f.format(new Date(iso));
}

function Joined({ member, t }: { member: Member; t: OrgkitLocale }): ReactNode {
  return <time dateTime={member.joinedAt}>{formatDate(t.code, member.joinedAt)}</time>;
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
];

/**
 * "Last active" in the locale's words: relative within a week ("now", "5 minutes ago",
 * "yesterday"), the date after that.
 */
export function formatLastActive(code: string, iso: string, now: number = Date.now()): string {
  const ago = now - Date.parse(iso);
  if (ago >= 7 * 86_400_000) return formatDate(code, iso);
  let f = relativeFormats.get(code);
  if (!f) {
    f = new Intl.RelativeTimeFormat(code, { numeric: 'auto' });
    relativeFormats.set(code, f);
  }
  if (ago < 60_000) return f.format(0, 'second');
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60_000;
  for (const [u, ms] of STEPS) if (ago >= ms) [unit, size] = [u, ms];
  return f.format(-Math.floor(ago / size), unit);
}

function LastActive({ member, t }: { member: Member; t: OrgkitLocale }): ReactNode {
  if (!member.lastActiveAt) {
    return <span data-slot="orgkit-team-table-never">{t.teamTable.never}</span>;
  }
  return (
    <time dateTime={member.lastActiveAt}>{formatLastActive(t.code, member.lastActiveAt)}</time>
  );
}

type WithGroups = Member & { readonly groups?: readonly string[] };

/**
 * The default columns: selection, name, e-mail, roles, groups (when sent), status, joined, last
 * active (most recent first on its first sort; "Never" for members who never signed in), actions.
 */
export const teamTableColumns: readonly TeamTableColumn[] = [
  {
    id: 'select',
    header: (t) => t.teamTable.selectAll,
    headerHidden: true,
    renderHeader: () => <SelectAll />,
    cell: (m) => <SelectRow member={m} />,
  },
  {
    id: 'name',
    header: (t) => t.teamTable.columns.name,
    sort: 'name',
    cell: (m, s, t) => (
      <>
        <span data-slot="orgkit-team-table-name">{m.name}</span>
        {m.userId === s.viewerId ? (
          <span data-slot="orgkit-team-table-you"> {t.teamTable.you}</span>
        ) : null}
      </>
    ),
  },
  { id: 'email', header: (t) => t.teamTable.columns.email, sort: 'email', cell: (m) => m.email },
  {
    id: 'roles',
    header: (t) => t.teamTable.columns.roles,
    cell: (m) => <TeamTableRoleCell member={m} />,
  },
  {
    id: 'groups',
    header: (t) => t.teamTable.columns.groups,
    when: (members) => members.some((m) => (m as WithGroups).groups !== undefined),
    cell: (m) => (m as WithGroups).groups?.join(', ') ?? '',
  },
  {
    id: 'status',
    header: (t) => t.teamTable.columns.status,
    cell: (m, _s, t) => <Status member={m} t={t} />,
  },
  {
    id: 'joined',
    header: (t) => t.teamTable.columns.joined,
    sort: 'joinedAt',
    cell: (m, _s, t) => <Joined member={m} t={t} />,
  },
  {
    id: 'lastActive',
    header: (t) => t.teamTable.columns.lastActive,
    sort: 'lastActive',
    firstOrder: 'desc',
    cell: (m, _s, t) => <LastActive member={m} t={t} />,
  },
  {
    id: 'actions',
    header: (t) => t.teamTable.columns.actions,
    headerHidden: true,
    cell: (m) => <TeamTableRowActions member={m} />,
  },
];
