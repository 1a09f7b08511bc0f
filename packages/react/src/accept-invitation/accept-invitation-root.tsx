import type { OrgkitError } from '@orgkit/sdk';
import { Slot } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useAcceptInvitation, useInvitationPreview } from '../hooks/use-account-flows.js';
import { useSession } from '../hooks/use-session.js';
import { useSignOut } from '../hooks/use-sign-out.js';
import { cx } from '../lib/cx.js';
import { formatMessage } from '../locale/merge-locale.js';
import type { OrgkitLocale } from '../locale/types.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  AcceptInvitationContext,
  type AcceptInvitationContextValue,
  type AcceptInvitationField,
  type AcceptInvitationResult,
  type AcceptInvitationView,
} from './accept-invitation-context.js';

/** Props of {@link AcceptInvitationRoot}. */
export interface AcceptInvitationRootProps extends ComponentPropsWithoutRef<'div'> {
  /** The token of the invitation link (`?token=…`); missing or empty shows the `invalid` view. */
  readonly token: string | null | undefined;
  /** Called once joined (the session exists by then): navigate into the organization. */
  readonly onAccepted?: (result: AcceptInvitationResult) => void;
  readonly asChild?: boolean;
}

/** Views where the link itself cannot be accepted, by the problem code that says so. */
const LINK_PROBLEMS: Readonly<Record<string, AcceptInvitationView>> = {
  TOKEN_INVALID: 'invalid',
  TOKEN_EXPIRED: 'expired',
  INVITATION_REVOKED: 'revoked',
  INVITATION_ALREADY_USED: 'used',
};

/** The view of a failed lookup: a problem with the link, or a failure to check it. */
function lookupView(error: OrgkitError): AcceptInvitationView {
  // A malformed token (too short, too long) is a 422 on `token`: the link is broken.
  if (error.code === 'VALIDATION_FAILED') return 'invalid';
  return LINK_PROBLEMS[error.code] ?? 'error';
}

type Errors = Partial<Record<AcceptInvitationField, string>>;

function check(
  view: AcceptInvitationView,
  values: Record<AcceptInvitationField, string>,
  t: OrgkitLocale,
) {
  const a = t.acceptInvitation;
  const errors: Errors = {};
  if (view === 'newAccount') {
    if (!values.name.trim()) errors.name = a.nameRequired;
    if (values.password.length < 8) errors.password = a.passwordTooShort;
  }
  if (view === 'existingAccount' && !values.password) errors.password = a.passwordRequired;
  return errors;
}

/**
 * The accept page's state: the invitation looked up by `token`, the session, the view that
 * follows from both (see {@link AcceptInvitationView}), the form and the accept request
 * (`useAcceptInvitation`). Renders a `div` whose `data-state` is the view.
 */
export function AcceptInvitationRoot({
  token: tokenProp,
  onAccepted,
  asChild,
  className,
  ...props
}: AcceptInvitationRootProps): ReactNode {
  const t = useOrgkitLocale();
  const token = tokenProp?.trim() ?? '';
  const preview = useInvitationPreview(token || null);
  const session = useSession();
  const mutation = useAcceptInvitation();
  const signOut = useSignOut();
  const [values, setValues] = useState<Record<AcceptInvitationField, string>>({
    name: '',
    password: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<AcceptInvitationResult | null>(null);
  // The link may die between the lookup and the accept (expired, revoked, used elsewhere).
  const [linkProblem, setLinkProblem] = useState<AcceptInvitationView | null>(null);

  const viewer = session.user;
  const data = preview.data;
  const view: AcceptInvitationView = result
    ? 'accepted'
    : !token
      ? 'invalid'
      : linkProblem
        ? linkProblem
        : preview.error
          ? lookupView(preview.error)
          : !data || session.isPending
            ? 'loading'
            : viewer
              ? viewer.email.toLowerCase() === data.email.toLowerCase()
                ? 'join'
                : 'mismatch'
              : data.accountExists
                ? 'existingAccount'
                : 'newAccount';

  const inputs = useRef<Partial<Record<AcceptInvitationField, HTMLInputElement | null>>>({});
  const refCallbacks = useRef<
    Partial<Record<AcceptInvitationField, (el: HTMLInputElement | null) => void>>
  >({});
  const fieldRef = useCallback((field: AcceptInvitationField) => {
    refCallbacks.current[field] ??= (el) => {
      inputs.current[field] = el;
    };
    return refCallbacks.current[field];
  }, []);

  // Signing out of the wrong account swaps the sign-out button for a form: focus follows to
  // its first field once it shows (the invitation is looked up again in between).
  const focusAfterSignOut = useRef(false);
  useEffect(() => {
    if (!focusAfterSignOut.current) return;
    const field =
      view === 'newAccount' ? 'name' : view === 'existingAccount' ? 'password' : undefined;
    if (!field) return;
    focusAfterSignOut.current = false;
    inputs.current[field]?.focus();
  }, [view]);

  const fail = (error: OrgkitError) => {
    const a = t.acceptInvitation;
    const org = data?.organization.name ?? '';
    const failed = formatMessage(a.failed, { message: error.message || t.common.unknownError });
    const problem = LINK_PROBLEMS[error.code];
    if (problem) {
      setLinkProblem(problem);
      return;
    }
    let fields: Errors = {};
    let form: string | null = null;
    switch (error.code) {
      case 'VALIDATION_FAILED':
        for (const { path } of error.fieldErrors) {
          if (path === 'name') fields.name = a.nameRequired;
          else if (path === 'password')
            fields.password = view === 'newAccount' ? a.passwordTooShort : a.passwordRequired;
        }
        if (error.fieldErrors.some((e) => e.path === 'token')) {
          setLinkProblem('invalid');
          return;
        }
        if (!fields.name && !fields.password) form = failed;
        break;
      case 'INVALID_CREDENTIALS':
        fields = { password: a.wrongPassword };
        break;
      case 'UNAUTHENTICATED':
        fields = { password: a.passwordRequired };
        break;
      case 'INVITATION_EMAIL_MISMATCH':
        // The session changed elsewhere: the refreshed session shows the mismatch view.
        void session.refetch();
        form = failed;
        break;
      case 'ALREADY_MEMBER':
        form = formatMessage(a.alreadyMember, { org });
        break;
      case 'FORBIDDEN':
        form = a.inviterLostPermission;
        break;
      case 'MEMBERSHIP_LIMIT':
        form = a.membershipLimit;
        break;
      case 'USER_DISABLED':
        form = a.accountDisabled;
        break;
      case 'RATE_LIMITED':
        form = t.signIn.rateLimited;
        break;
      default:
        form = failed;
    }
    setFieldErrors(fields);
    setFormError(form);
    const first = (['name', 'password'] as const).find((f) => fields[f]);
    if (first) {
      inputs.current[first]?.focus();
      if (error.code === 'INVALID_CREDENTIALS') inputs.current.password?.select();
    }
  };

  const value: AcceptInvitationContextValue = {
    token,
    view,
    preview,
    viewer,
    values,
    setValue(field, next) {
      setValues((v) => ({ ...v, [field]: next }));
      if (fieldErrors[field]) setFieldErrors((e) => ({ ...e, [field]: undefined }));
    },
    fieldErrors,
    formError,
    accepting: mutation.isPending,
    accept() {
      if (mutation.isPending) return;
      if (view !== 'join' && view !== 'existingAccount' && view !== 'newAccount') return;
      const errors = check(view, values, t);
      setFieldErrors(errors);
      setFormError(null);
      const first = (['name', 'password'] as const).find((f) => errors[f]);
      if (first) {
        inputs.current[first]?.focus();
        return;
      }
      mutation.mutate(
        view === 'join'
          ? { token }
          : view === 'existingAccount'
            ? { token, password: values.password }
            : { token, name: values.name.trim(), password: values.password },
        {
          onSuccess: (joined) => {
            setResult(joined);
            onAccepted?.(joined);
          },
          onError: fail,
        },
      );
    },
    result,
    signOut() {
      focusAfterSignOut.current = true;
      signOut.mutate();
    },
    signingOut: signOut.isPending,
    fieldRef,
  };
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <AcceptInvitationContext.Provider value={value}>
      <Comp
        data-slot="orgkit-accept-invitation"
        data-state={view}
        className={cx('orgkit-accept-invitation', className)}
        {...props}
      />
    </AcceptInvitationContext.Provider>
  );
}
