import { describe, expect, it } from 'vitest';
import { computeRowWindow } from './use-row-window.js';

const opts = { count: 10_000, rowHeight: 48, overscan: 8 };

describe('computeRowWindow', () => {
  it('renders the visible rows plus overscan below at the top', () => {
    const w = computeRowWindow(0, 480, opts);
    expect(w).toEqual({ start: 0, end: 19, top: 0, bottom: (10_000 - 19) * 48 });
  });

  it('keeps overscan on both sides in the middle and accounts for every pixel', () => {
    const w = computeRowWindow(48 * 5000 + 10, 480, opts);
    expect(w.start).toBe(4992);
    expect(w.end).toBe(5000 + 11 + 8);
    expect(w.top + (w.end - w.start) * 48 + w.bottom).toBe(10_000 * 48);
  });

  it('clamps at the end and for short lists', () => {
    const end = computeRowWindow(48 * 10_000, 480, opts);
    expect(end.end).toBe(10_000);
    expect(end.bottom).toBe(0);
    expect(computeRowWindow(0, 480, { ...opts, count: 3 })).toEqual({
      start: 0,
      end: 3,
      top: 0,
      bottom: 0,
    });
    expect(computeRowWindow(-20, 480, { ...opts, count: 0 })).toEqual({
      start: 0,
      end: 0,
      top: 0,
      bottom: 0,
    });
  });
});
