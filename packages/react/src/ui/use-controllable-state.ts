import { useCallback, useRef, useState } from 'react';

/**
 * One state that is controlled (`value` given) or uncontrolled (`defaultValue`), reporting every
 * change through `onValueChange` — the Radix `value`/`defaultValue`/`onValueChange` triple.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onValueChange: ((next: T) => void) | undefined,
): [T, (next: T | ((prev: T) => T)) => void] {
  const [inner, setInner] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : inner;
  // The latest value and callback, so the setter stays stable across renders.
  const latest = useRef({ current, onValueChange });
  latest.current = { current, onValueChange };
  const set = useCallback((next: T | ((prev: T) => T)) => {
    const resolved =
      typeof next === 'function' ? (next as (prev: T) => T)(latest.current.current) : next;
    if (Object.is(resolved, latest.current.current)) return;
    latest.current.current = resolved;
    setInner(resolved);
    latest.current.onValueChange?.(resolved);
  }, []);
  return [current, set];
}
