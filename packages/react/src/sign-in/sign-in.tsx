import type { ReactNode } from 'react';
import {
  SignInForgotPassword,
  SignInForm,
  SignInSignUpSwitch,
  SignInTitle,
} from './sign-in-parts.js';
import { SignInRoot, type SignInRootProps } from './sign-in-root.js';

/** Props of {@link SignIn}. */
export interface SignInProps extends Omit<SignInRootProps, 'asChild'> {
  /** Level of the title. Default 2. */
  readonly headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Shown under the form (a hint, your terms…). */
  readonly children?: ReactNode;
}

/**
 * The drop-in sign-in for Orgkit's built-in auth: e-mail and password, errors from the server
 * shown on their field (or, for wrong credentials, as an announced form error), an optional
 * "forgot your password?" mode whose confirmation never reveals whether an account exists, and
 * an optional sign-up mode (`allowSignUp`) or link (`signUpHref`). `onSignedIn` runs once the
 * session exists. Compose `SignInRoot`, `SignInTitle`, `SignInForm` (`SignInName`,
 * `SignInEmail`, `SignInPassword`, `SignInError`, `SignInSubmit`), `SignInForgotPassword` and
 * `SignInSignUpSwitch` for another layout.
 *
 * @example
 * <SignIn allowSignUp onSignedIn={() => navigate('/')} />
 */
export function SignIn({ headingLevel, children, ...props }: SignInProps): ReactNode {
  return (
    <SignInRoot {...props}>
      <SignInTitle level={headingLevel ?? 2} />
      <SignInForm />
      <SignInForgotPassword />
      <SignInSignUpSwitch />
      {children}
    </SignInRoot>
  );
}
