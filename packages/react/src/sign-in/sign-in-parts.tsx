import { Slot } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  type FormEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
} from 'react';
import { cx } from '../lib/cx.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { FormField } from '../ui/form-field.js';
import { type SignInMode, useSignInContext } from './sign-in-context.js';

type FieldProps = Omit<
  ComponentPropsWithoutRef<'input'>,
  'id' | 'value' | 'defaultValue' | 'onChange' | 'type' | 'name'
>;

/** Props of {@link SignInTitle}. */
export interface SignInTitleProps extends ComponentPropsWithoutRef<'h2'> {
  readonly asChild?: boolean;
  /** Heading level. Default 2. */
  readonly level?: 1 | 2 | 3 | 4 | 5 | 6;
}

/** The heading of the current mode ("Sign in", "Create an account", "Reset your password"); it names the form. */
export function SignInTitle({
  asChild,
  level = 2,
  className,
  children,
  id: idProp,
  ...props
}: SignInTitleProps): ReactNode {
  const t = useOrgkitLocale();
  const { mode, registerTitle } = useSignInContext('SignInTitle');
  const generated = useId();
  const id = idProp ?? generated;
  useEffect(() => {
    registerTitle(id);
    return () => registerTitle(null);
  }, [id, registerTitle]);
  const text =
    mode === 'signUp'
      ? t.signIn.signUpTitle
      : mode === 'forgot'
        ? t.signIn.forgotTitle
        : t.signIn.title;
  const Comp = asChild ? Slot.Root : (`h${level}` as const);
  return (
    <Comp
      id={id}
      data-slot="orgkit-sign-in-title"
      className={cx('orgkit-sign-in-title', className)}
      {...props}
    >
      {children ?? text}
    </Comp>
  );
}

/** The name field of a new account (only in the `signUp` mode). `className` goes to the field's wrapper. */
export function SignInName({ className, ...props }: FieldProps): ReactNode {
  const t = useOrgkitLocale();
  const { mode, values, setValue, fieldErrors, fieldRef } = useSignInContext('SignInName');
  if (mode !== 'signUp') return null;
  return (
    <FormField
      slot="orgkit-sign-in-name"
      className={className}
      label={t.signIn.name}
      error={fieldErrors.name}
      inputRef={fieldRef('name')}
      type="text"
      name="name"
      autoComplete="name"
      maxLength={200}
      value={values.name}
      onChange={(e) => setValue('name', e.target.value)}
      {...props}
    />
  );
}

/** The e-mail field (`type=email`, `autocomplete=username`, or `email` when asking for a reset link). */
export function SignInEmail({ className, ...props }: FieldProps): ReactNode {
  const t = useOrgkitLocale();
  const { mode, values, setValue, fieldErrors, fieldRef } = useSignInContext('SignInEmail');
  return (
    <FormField
      slot="orgkit-sign-in-email"
      className={className}
      label={t.signIn.email}
      error={fieldErrors.email}
      inputRef={fieldRef('email')}
      type="email"
      name="email"
      autoComplete={mode === 'forgot' ? 'email' : 'username'}
      autoCapitalize="none"
      spellCheck={false}
      maxLength={254}
      value={values.email}
      onChange={(e) => setValue('email', e.target.value)}
      {...props}
    />
  );
}

/**
 * The password field: `current-password` when signing in, `new-password` (with the length hint)
 * when creating an account; absent in the `forgot` mode.
 */
export function SignInPassword({ className, ...props }: FieldProps): ReactNode {
  const t = useOrgkitLocale();
  const { mode, values, setValue, fieldErrors, fieldRef } = useSignInContext('SignInPassword');
  if (mode === 'forgot') return null;
  return (
    <FormField
      slot="orgkit-sign-in-password"
      className={className}
      label={t.signIn.password}
      hint={mode === 'signUp' ? t.signIn.newPasswordHint : null}
      error={fieldErrors.password}
      inputRef={fieldRef('password')}
      type="password"
      name="password"
      autoComplete={mode === 'signUp' ? 'new-password' : 'current-password'}
      maxLength={256}
      value={values.password}
      onChange={(e) => setValue('password', e.target.value)}
      {...props}
    />
  );
}

/** The form's own error (wrong credentials, disabled account, too many attempts…), announced. */
export function SignInError({ className, ...props }: ComponentPropsWithoutRef<'p'>): ReactNode {
  const { formError } = useSignInContext('SignInError');
  if (!formError) return null;
  return (
    <p
      role="alert"
      data-slot="orgkit-error"
      className={cx('orgkit-sign-in-error', className)}
      {...props}
    >
      {formError}
    </p>
  );
}

/**
 * Sends the form. While the request runs it reads "Signing in…" and is `aria-disabled` (not
 * `disabled`, so it keeps focus); a second press is ignored.
 */
export function SignInSubmit({
  className,
  children,
  ...props
}: ComponentPropsWithoutRef<'button'>): ReactNode {
  const t = useOrgkitLocale();
  const { mode, status } = useSignInContext('SignInSubmit');
  const pending = status === 'pending';
  const s = t.signIn;
  const label: Record<SignInMode, [string, string]> = {
    signIn: [s.submit, s.submitting],
    signUp: [s.signUpSubmit, s.signingUp],
    forgot: [s.sendResetLink, s.sendingResetLink],
  };
  return (
    <button
      type="submit"
      data-slot="orgkit-button"
      data-variant="primary"
      data-state={pending ? 'pending' : undefined}
      aria-disabled={pending || undefined}
      className={cx('orgkit-sign-in-submit', className)}
      {...props}
    >
      {children ?? label[mode][pending ? 1 : 0]}
    </button>
  );
}

/** Props of {@link SignInForm}. */
export interface SignInFormProps extends ComponentPropsWithoutRef<'form'> {
  readonly asChild?: boolean;
}

/**
 * The sign-in (or, in the `signUp` mode, sign-up) form: by default the name (sign-up only),
 * e-mail and password fields, the error and the submit button. The browser's own validation is
 * off (`noValidate`): fields are checked on submit and errors shown in the locale's words, then
 * the first invalid field takes focus. Renders nothing in the `forgot` mode.
 */
export function SignInForm({ asChild, className, children, ...props }: SignInFormProps): ReactNode {
  const t = useOrgkitLocale();
  const { mode, submit, titleId } = useSignInContext('SignInForm');
  if (mode === 'forgot') return null;
  const Comp = asChild ? Slot.Root : 'form';
  return (
    <Comp
      noValidate
      data-slot="orgkit-sign-in-form"
      data-mode={mode}
      {...(titleId
        ? { 'aria-labelledby': titleId }
        : { 'aria-label': mode === 'signUp' ? t.signIn.signUpTitle : t.signIn.title })}
      className={cx('orgkit-sign-in-form', className)}
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        submit();
      }}
      {...props}
    >
      {children ?? (
        <>
          <SignInName />
          <SignInEmail />
          <SignInPassword />
          <SignInError />
          <SignInSubmit />
        </>
      )}
    </Comp>
  );
}

/**
 * "Forgot your password?": in the `signIn` mode a button that opens the reset mode; in the
 * `forgot` mode the reset request (e-mail, send) and then the confirmation, which is the same
 * whether or not the address has an account (no account enumeration). Hidden when
 * `allowPasswordReset` is false and in the `signUp` mode.
 */
export function SignInForgotPassword({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const { mode, setMode, allowPasswordReset, submit, resetSentTo, titleId } =
    useSignInContext('SignInForgotPassword');
  const confirmation = useRef<HTMLParagraphElement>(null);
  const descriptionId = useId();
  useEffect(() => {
    if (resetSentTo) confirmation.current?.focus();
  }, [resetSentTo]);
  if (!allowPasswordReset || mode === 'signUp') return null;
  if (mode === 'signIn') {
    return (
      <div
        data-slot="orgkit-sign-in-forgot"
        data-state="closed"
        className={cx('orgkit-sign-in-forgot', className)}
        {...props}
      >
        <button type="button" data-slot="orgkit-link-button" onClick={() => setMode('forgot')}>
          {t.signIn.forgotPassword}
        </button>
      </div>
    );
  }
  const back = (
    <button type="button" data-slot="orgkit-link-button" onClick={() => setMode('signIn')}>
      {t.signIn.backToSignIn}
    </button>
  );
  return (
    <div
      data-slot="orgkit-sign-in-forgot"
      data-state={resetSentTo ? 'sent' : 'open'}
      className={cx('orgkit-sign-in-forgot', className)}
      {...props}
    >
      {resetSentTo ? (
        <p ref={confirmation} role="status" tabIndex={-1} data-slot="orgkit-sign-in-reset-sent">
          {formatMessage(t.signIn.resetSent, { email: resetSentTo })}
        </p>
      ) : (
        <form
          noValidate
          data-slot="orgkit-sign-in-form"
          data-mode="forgot"
          {...(titleId ? { 'aria-labelledby': titleId } : { 'aria-label': t.signIn.forgotTitle })}
          aria-describedby={descriptionId}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p id={descriptionId} data-slot="orgkit-hint">
            {t.signIn.forgotDescription}
          </p>
          <SignInEmail />
          <SignInError />
          <SignInSubmit />
        </form>
      )}
      {back}
    </div>
  );
}

/**
 * "No account yet? Create an account" (or a link to `signUpHref`) in the `signIn` mode, "Already
 * have an account? Sign in" in the `signUp` mode. Renders nothing unless sign-up is offered.
 */
export function SignInSignUpSwitch({
  className,
  ...props
}: ComponentPropsWithoutRef<'p'>): ReactNode {
  const t = useOrgkitLocale();
  const { mode, setMode, allowSignUp, signUpHref } = useSignInContext('SignInSignUpSwitch');
  if (mode === 'forgot' || (!allowSignUp && !signUpHref)) return null;
  return (
    <p
      data-slot="orgkit-sign-in-switch"
      className={cx('orgkit-sign-in-switch', className)}
      {...props}
    >
      {mode === 'signUp' ? t.signIn.haveAccount : t.signIn.noAccount}{' '}
      {mode === 'signIn' && signUpHref ? (
        <a href={signUpHref} data-slot="orgkit-link">
          {t.signIn.createAccount}
        </a>
      ) : (
        <button
          type="button"
          data-slot="orgkit-link-button"
          onClick={() => setMode(mode === 'signUp' ? 'signIn' : 'signUp')}
        >
          {mode === 'signUp' ? t.signIn.submit : t.signIn.createAccount}
        </button>
      )}
    </p>
  );
}
