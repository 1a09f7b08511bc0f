/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  const out = names.filter(Boolean).join(' ');
  return out || undefined;
}
