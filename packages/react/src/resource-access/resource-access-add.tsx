import {
  type ComponentPropsWithoutRef,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import { useGroups } from '../hooks/use-groups.js';
import { useMembers } from '../hooks/use-members.js';
import { cx } from '../lib/cx.js';
import { isEmail } from '../lib/email-list.js';
import type { GrantPrincipal } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useResourceAccessContext } from './resource-access-context.js';

interface Suggestion {
  readonly principal: GrantPrincipal;
  readonly label: string;
  readonly detail: string;
}

/** How long typing must pause before members are searched on the server. */
const SEARCH_DELAY_MS = 200;

/**
 * The add combobox (ARIA 1.2 combobox with a list popup): type to search members (on the
 * server) and groups, or type an e-mail address to notify it. Up and Down move through the
 * suggestions, Enter adds the highlighted one (or the typed address), Escape closes them. An
 * added principal gets the type's `read` action (else its first); change it in its row, then
 * save.
 */
export function ResourceAccessAdd({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useResourceAccessContext('ResourceAccessAdd');
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(0);
  const query = text.trim();
  useEffect(() => {
    const timer = setTimeout(() => setSearch(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const members = useMembers(search ? ctx.orgId : null, { search, limit: 8 });
  const groups = useGroups(ctx.orgId || null, { limit: 200 });

  const suggestions = useMemo<Suggestion[]>(() => {
    if (!query) return [];
    const q = query.toLowerCase();
    const out: Suggestion[] = [];
    for (const g of groups.groups) {
      if (!g.name.toLowerCase().includes(q)) continue;
      const principal: GrantPrincipal = { kind: 'group', id: g.id };
      if (ctx.has(principal)) continue;
      out.push({
        principal,
        label: g.name,
        detail: `${t.resourceAccess.kinds.group} · ${formatMessage(t.resourceAccess.groupMembers, { count: g.memberCount })}`,
      });
    }
    // Results of an older search are not shown for the new text.
    if (search === query) {
      for (const m of members.members) {
        const principal: GrantPrincipal = { kind: 'user', id: m.userId };
        if (m.status === 'disabled' || ctx.has(principal)) continue;
        out.push({
          principal,
          label: m.name,
          detail: `${t.resourceAccess.kinds.user} · ${m.email}`,
        });
      }
    }
    const email = q;
    const principal: GrantPrincipal = { kind: 'email', email };
    if (isEmail(email) && !ctx.has(principal)) {
      out.push({
        principal,
        label: formatMessage(t.resourceAccess.addEmail, { email }),
        detail: t.resourceAccess.kinds.email,
      });
    }
    return out;
  }, [query, search, groups.groups, members.members, ctx, t]);

  const expanded = focused && !dismissed && query !== '';
  const shown = expanded && suggestions.length > 0;
  const current = Math.min(active, suggestions.length - 1);
  const { setSuggesting } = ctx;
  useEffect(() => setSuggesting(expanded), [expanded, setSuggesting]);
  useEffect(() => () => setSuggesting(false), [setSuggesting]);
  const optionId = (i: number) => `${id}-option-${i}`;

  const choose = (s: Suggestion) => {
    ctx.add(s.principal);
    setText('');
    setSearch('');
    setActive(0);
  };
  const searching = search !== query || members.isFetching;

  return (
    <div
      data-slot="orgkit-resource-access-add"
      className={cx('orgkit-resource-access-add', className)}
      {...props}
    >
      <label htmlFor={id} data-slot="orgkit-label">
        {t.resourceAccess.addLabel}
      </label>
      <input
        ref={ctx.registerInput}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        data-slot="orgkit-input"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={shown ? `${id}-listbox` : undefined}
        aria-activedescendant={shown ? optionId(current) : undefined}
        aria-describedby={`${id}-hint`}
        placeholder={t.resourceAccess.addPlaceholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setDismissed(false);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setDismissed(false);
            if (suggestions.length === 0) return;
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((current + step + suggestions.length) % suggestions.length);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const s = shown ? suggestions[current] : undefined;
            if (s) choose(s);
          } else if (e.key === 'Escape' && expanded) {
            e.preventDefault();
            setDismissed(true);
          }
        }}
      />
      <p id={`${id}-hint`} data-slot="orgkit-hint">
        {t.resourceAccess.addHint}
      </p>
      {shown ? (
        <div
          id={`${id}-listbox`}
          role="listbox"
          aria-label={t.resourceAccess.suggestions}
          data-slot="orgkit-resource-access-suggestions"
        >
          {suggestions.map((s, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant)
            <div
              key={`${s.principal.kind}:${s.principal.kind === 'email' ? s.principal.email : s.principal.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              tabIndex={-1}
              data-slot="orgkit-resource-access-suggestion"
              data-kind={s.principal.kind}
              data-highlighted={i === current ? '' : undefined}
              // Keep focus in the input: the choice is made on click.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(s)}
            >
              <span data-slot="orgkit-resource-access-name">{s.label}</span>{' '}
              <span data-slot="orgkit-hint">{s.detail}</span>
            </div>
          ))}
        </div>
      ) : expanded ? (
        <p role="status" data-slot="orgkit-hint">
          {searching ? t.resourceAccess.searching : t.resourceAccess.noMatches}
        </p>
      ) : null}
    </div>
  );
}
