import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';

// React 18 warns about layout effects during server rendering.
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** The slice of fixed-height rows to render, with the space above and below it. */
export interface RowWindow {
  /** First rendered row index (inclusive). */
  readonly start: number;
  /** Last rendered row index (exclusive). */
  readonly end: number;
  /** Pixels of unrendered rows above the window. */
  readonly top: number;
  /** Pixels of unrendered rows below the window. */
  readonly bottom: number;
}

/** Options of {@link useRowWindow}. */
export interface RowWindowOptions {
  readonly count: number;
  readonly rowHeight: number;
  readonly overscan: number;
  /** Viewport height assumed until it can be measured (server rendering, tests, hidden tabs). */
  readonly initialHeight: number;
}

/** Pure window arithmetic for fixed-height rows; exported for tests. */
export function computeRowWindow(
  scrollTop: number,
  height: number,
  { count, rowHeight, overscan }: Omit<RowWindowOptions, 'initialHeight'>,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(height / rowHeight) + 1;
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end, top: start * rowHeight, bottom: (count - end) * rowHeight };
}

/**
 * Windowing for a scrolling viewport of fixed-height rows: follows the viewport's scroll
 * position and size (ResizeObserver) and returns which rows to render. An unmeasurable viewport
 * (height 0) is treated as `initialHeight`, so the first rows always show.
 */
export function useRowWindow(
  viewport: RefObject<HTMLElement | null>,
  options: RowWindowOptions,
): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, height: options.initialHeight });
  useIsomorphicLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const height = el.clientHeight > 0 ? el.clientHeight : options.initialHeight;
      setView((v) =>
        v.scrollTop === el.scrollTop && v.height === height
          ? v
          : { scrollTop: el.scrollTop, height },
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', schedule, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      observer?.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [viewport, options.initialHeight]);
  return computeRowWindow(view.scrollTop, view.height, options);
}
