import { Label } from 'radix-ui';
import { type ComponentPropsWithoutRef, type ReactNode, type Ref, useId } from 'react';
import { cx } from '../lib/cx.js';

/** Props of {@link FormField}. */
export interface FormFieldProps extends Omit<ComponentPropsWithoutRef<'input'>, 'id'> {
  /** The visible label (also the input's accessible name). */
  readonly label: ReactNode;
  /** Help under the input, linked by `aria-describedby`. */
  readonly hint?: ReactNode;
  /** The field's error: marks the input `aria-invalid` and describes it. */
  readonly error?: string | null;
  readonly inputRef?: Ref<HTMLInputElement>;
  /** `data-slot` of the wrapper, e.g. `orgkit-sign-in-email`. */
  readonly slot: string;
}

/**
 * @internal A labelled input with its hint and error, wired for assistive technology: the label
 * names the input, the hint and the error describe it, an error sets `aria-invalid`. `className`
 * goes to the wrapper; every other prop to the input.
 */
export function FormField({
  label,
  hint,
  error,
  inputRef,
  slot,
  className,
  ...input
}: FormFieldProps): ReactNode {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      data-slot={slot}
      data-invalid={error ? '' : undefined}
      className={cx('orgkit-field', className)}
    >
      <Label.Root htmlFor={id} data-slot="orgkit-field-label">
        {label}
      </Label.Root>
      <input
        id={id}
        ref={inputRef}
        data-slot="orgkit-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint ? (
        <p id={hintId} data-slot="orgkit-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} data-slot="orgkit-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
