import { Tooltip } from 'radix-ui';
import { type ReactElement, type ReactNode, useId } from 'react';

/** Props of {@link WithReason}. */
export interface WithReasonProps {
  /** Why the wrapped control is unavailable; nothing is added when null. */
  readonly reason: string | null | undefined;
  /** The control: receives `aria-describedby` pointing at the reason (via Radix Slot). */
  readonly children: ReactElement;
}

/**
 * Explains an unavailable control: the reason shows as a tooltip on hover and focus, and is the
 * control's accessible description, so a screen reader hears why it is disabled. Controls stay
 * focusable (`aria-disabled`, not `disabled`) so keyboard users can reach the reason.
 */
export function WithReason({ reason, children }: WithReasonProps): ReactNode {
  const id = useId();
  if (!reason) return children;
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild aria-describedby={id}>
        {children}
      </Tooltip.Trigger>
      <span id={id} hidden>
        {reason}
      </span>
      <Tooltip.Portal>
        <Tooltip.Content data-slot="orgkit-tooltip" side="top" sideOffset={4} aria-hidden="true">
          {reason}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
