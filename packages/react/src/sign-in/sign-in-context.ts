import { createContext, useContext } from 'react';
import type { OrgkitUser } from '../lib/types.js';

/** What the SignIn form is doing: signing in, creating an account, or asking for a reset link. */
export type SignInMode = 'signIn' | 'signUp' | 'forgot';

/** The fields of the SignIn forms. */
export type SignInField = 'name' | 'email' | 'password';

/** What `onSignedIn` receives: the user now signed in, and whether the account was just made. */
export interface SignInResult {
  readonly user: OrgkitUser;
  readonly isNewAccount: boolean;
}

/** The state every SignIn part reads. */
export interface SignInContextValue {
  readonly mode: SignInMode;
  /** Switches mode; errors are cleared and focus moves to the new form's first field. */
  setMode(mode: SignInMode): void;
  /** May the visitor create an account here (`allowSignUp`)? */
  readonly allowSignUp: boolean;
  /** A page of the host where accounts are created, linked instead of the sign-up mode. */
  readonly signUpHref: string | undefined;
  readonly allowPasswordReset: boolean;
  readonly values: Readonly<Record<SignInField, string>>;
  setValue(field: SignInField, value: string): void;
  /** Messages by field: what the browser-side checks or the server's 422 found. */
  readonly fieldErrors: Readonly<Partial<Record<SignInField, string>>>;
  /** The error of the whole form (wrong credentials, disabled account, rate limit…). */
  readonly formError: string | null;
  /** `pending` while a request runs, `success` once signed in. */
  readonly status: 'idle' | 'pending' | 'error' | 'success';
  /** Checks and sends the current mode's form. */
  submit(): void;
  /** The address a reset link was requested for (the same answer whether or not it exists). */
  readonly resetSentTo: string | null;
  /** Ref callback each field part registers its input with (for focus management). */
  fieldRef(field: SignInField): (element: HTMLInputElement | null) => void;
  /** Id of `SignInTitle`, when one is rendered (the forms are labelled by it). */
  readonly titleId: string | null;
  registerTitle(id: string | null): void;
}

/** @internal */
export const SignInContext = createContext<SignInContextValue | null>(null);

/** The state of the nearest `SignInRoot`. */
export function useSignInContext(part: string): SignInContextValue {
  const value = useContext(SignInContext);
  if (!value) throw new Error(`${part} must be used within SignInRoot`);
  return value;
}
