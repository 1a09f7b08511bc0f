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
import { useRequestPasswordReset, useSignUp } from '../hooks/use-account-flows.js';
import { useSignIn } from '../hooks/use-sign-in.js';
import { cx } from '../lib/cx.js';
import { isEmail } from '../lib/email-list.js';
import { formatMessage } from '../locale/merge-locale.js';
import type { OrgkitLocale } from '../locale/types.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import {
  SignInContext,
  type SignInContextValue,
  type SignInField,
  type SignInMode,
  type SignInResult,
} from './sign-in-context.js';

/** Props of {@link SignInRoot}. */
export interface SignInRootProps extends ComponentPropsWithoutRef<'div'> {
  readonly asChild?: boolean;
  /** Called once signed in (or signed up): navigate, close a dialog… */
  readonly onSignedIn?: (result: SignInResult) => void;
  /** The mode (controlled); `signIn` by default. */
  readonly mode?: SignInMode;
  readonly defaultMode?: SignInMode;
  readonly onModeChange?: (mode: SignInMode) => void;
  /** Offer to create an account in place (public sign-up must be on at the server). */
  readonly allowSignUp?: boolean;
  /** Link to the host's own sign-up page instead (wins over `allowSignUp`). */
  readonly signUpHref?: string;
  /** Offer the "forgot your password?" mode. Default true. */
  readonly allowPasswordReset?: boolean;
  /** Pre-filled e-mail address. */
  readonly defaultEmail?: string;
}

/** The fields of each mode, in the order they appear (the first invalid one takes focus). */
const FIELDS: Record<SignInMode, readonly SignInField[]> = {
  signIn: ['email', 'password'],
  signUp: ['name', 'email', 'password'],
  forgot: ['email'],
};

type Errors = Partial<Record<SignInField, string>>;

/** What the browser can tell before asking the server. */
function check(mode: SignInMode, values: Record<SignInField, string>, t: OrgkitLocale): Errors {
  const s = t.signIn;
  const errors: Errors = {};
  if (mode === 'signUp' && !values.name.trim()) errors.name = s.nameRequired;
  const email = values.email.trim();
  if (!email) errors.email = s.emailRequired;
  else if (!isEmail(email.toLowerCase())) errors.email = s.emailInvalid;
  if (mode === 'signIn' && !values.password) errors.password = s.passwordRequired;
  if (mode === 'signUp' && values.password.length < 8) errors.password = s.passwordTooShort;
  return errors;
}

/** Turns a problem+json answer into field errors or one form error, in the locale's words. */
function describe(
  error: OrgkitError,
  mode: SignInMode,
  t: OrgkitLocale,
): { fields: Errors; form: string | null } {
  const s = t.signIn;
  const failed = formatMessage(s.failed, { message: error.message || t.common.unknownError });
  switch (error.code) {
    case 'VALIDATION_FAILED': {
      const fields: Errors = {};
      for (const { path } of error.fieldErrors) {
        const field = path.split('.')[0];
        if (field === 'email') fields.email = s.emailInvalid;
        else if (field === 'password')
          fields.password = mode === 'signUp' ? s.passwordTooShort : s.passwordRequired;
        else if (field === 'name') fields.name = s.nameRequired;
      }
      return Object.keys(fields).length > 0 ? { fields, form: null } : { fields, form: failed };
    }
    case 'INVALID_CREDENTIALS':
      return { fields: {}, form: s.invalidCredentials };
    case 'USER_DISABLED':
      return { fields: {}, form: s.accountDisabled };
    case 'EMAIL_TAKEN':
      return { fields: { email: s.emailTaken }, form: null };
    case 'RATE_LIMITED':
      return { fields: {}, form: s.rateLimited };
    case 'FEATURE_DISABLED':
      return { fields: {}, form: s.unavailable };
    default:
      return { fields: {}, form: failed };
  }
}

/**
 * The SignIn state: the mode (sign in, create an account, forgot password), the field values
 * shared by the modes, validation, the requests (`useSignIn`, `useSignUp`,
 * `useRequestPasswordReset`) and focus management. Renders a `div` with `data-mode` and
 * `data-state` (`idle`, `pending`, `error`, `success`).
 */
export function SignInRoot({
  asChild,
  className,
  onSignedIn,
  mode: modeProp,
  defaultMode,
  onModeChange,
  allowSignUp = false,
  signUpHref,
  allowPasswordReset = true,
  defaultEmail = '',
  ...props
}: SignInRootProps): ReactNode {
  const t = useOrgkitLocale();
  const [mode, setModeState] = useControllableState(
    modeProp,
    defaultMode ?? 'signIn',
    onModeChange,
  );
  const [values, setValues] = useState<Record<SignInField, string>>({
    name: '',
    email: defaultEmail,
    password: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [resetSentTo, setResetSentTo] = useState<string | null>(null);
  const [succeeded, setSucceeded] = useState(false);
  const [titleId, registerTitle] = useState<string | null>(null);
  const signIn = useSignIn();
  const signUp = useSignUp();
  const reset = useRequestPasswordReset();
  const pending = signIn.isPending || signUp.isPending || reset.isPending;

  const inputs = useRef<Partial<Record<SignInField, HTMLInputElement | null>>>({});
  const refCallbacks = useRef<Partial<Record<SignInField, (el: HTMLInputElement | null) => void>>>(
    {},
  );
  const fieldRef = useCallback((field: SignInField) => {
    refCallbacks.current[field] ??= (el) => {
      inputs.current[field] = el;
    };
    return refCallbacks.current[field];
  }, []);
  const focus = (field: SignInField | undefined) => {
    if (field) inputs.current[field]?.focus();
  };

  // A new mode moves focus to its first field (not on the first render: no focus theft).
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const first = FIELDS[mode][0];
    if (first) inputs.current[first]?.focus();
  }, [mode]);

  const fail = (error: OrgkitError, currentMode: SignInMode) => {
    const { fields, form } = describe(error, currentMode, t);
    setFieldErrors(fields);
    setFormError(form);
    if (error.code === 'INVALID_CREDENTIALS') {
      inputs.current.password?.select();
      focus('password');
    } else focus(FIELDS[currentMode].find((f) => fields[f]));
  };

  const value: SignInContextValue = {
    mode,
    setMode(next) {
      setFieldErrors({});
      setFormError(null);
      setResetSentTo(null);
      setModeState(next);
    },
    allowSignUp,
    signUpHref,
    allowPasswordReset,
    values,
    setValue(field, next) {
      setValues((v) => ({ ...v, [field]: next }));
      // An edited field's error is stale.
      if (fieldErrors[field]) setFieldErrors((e) => ({ ...e, [field]: undefined }));
    },
    fieldErrors,
    formError,
    status: pending
      ? 'pending'
      : succeeded
        ? 'success'
        : formError || Object.values(fieldErrors).some(Boolean)
          ? 'error'
          : 'idle',
    submit() {
      if (pending) return;
      const errors = check(mode, values, t);
      setFieldErrors(errors);
      setFormError(null);
      const firstInvalid = FIELDS[mode].find((f) => errors[f]);
      if (firstInvalid) {
        focus(firstInvalid);
        return;
      }
      const email = values.email.trim();
      const current = mode;
      if (mode === 'forgot') {
        reset.mutate(
          { email },
          { onSuccess: () => setResetSentTo(email), onError: (e) => fail(e, current) },
        );
      } else if (mode === 'signUp') {
        signUp.mutate(
          { email, password: values.password, name: values.name.trim() },
          {
            onSuccess: (result) => {
              // With e-mail verification on, nobody is signed in until the link is opened.
              if (!('user' in result)) return;
              setSucceeded(true);
              onSignedIn?.({ user: result.user, isNewAccount: true });
            },
            onError: (e) => fail(e, current),
          },
        );
      } else {
        signIn.mutate(
          { email, password: values.password },
          {
            onSuccess: ({ user }) => {
              setSucceeded(true);
              onSignedIn?.({ user, isNewAccount: false });
            },
            onError: (e) => fail(e, current),
          },
        );
      }
    },
    resetSentTo,
    fieldRef,
    titleId,
    registerTitle,
  };
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <SignInContext.Provider value={value}>
      <Comp
        data-slot="orgkit-sign-in"
        data-mode={mode}
        data-state={value.status}
        className={cx('orgkit-sign-in', className)}
        {...props}
      />
    </SignInContext.Provider>
  );
}
