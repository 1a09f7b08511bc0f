/** One `--orgkit-*` variable of the theme, with its light and dark values. */
export interface ThemeToken {
  readonly name: string;
  readonly light: string;
  /** The dark theme's value, when it differs. */
  readonly dark?: string;
}

const RULE = /([^{}]+)\{([^{}]*)\}/g;
const DECLARATION = /(--orgkit-[a-z0-9-]+)\s*:\s*([^;]+);/g;

/** Every variable the stylesheet declares, in order, from its `:root` and dark rules. */
export function themeTokens(css: string): ThemeToken[] {
  const light = new Map<string, string>();
  const dark = new Map<string, string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, selector, body] of text.matchAll(RULE)) {
    const isDark = /\[data-theme="dark"\]/.test(selector!);
    const isSystem = /\[data-theme="system"\]/.test(selector!);
    if (isSystem) continue;
    for (const [, name, value] of body!.matchAll(DECLARATION)) {
      const target = isDark ? dark : light;
      if (!target.has(name!)) target.set(name!, value!.trim().replace(/\s+/g, ' '));
    }
  }
  return [...light].map(([name, value]) => ({
    name,
    light: value,
    ...(dark.has(name) ? { dark: dark.get(name)! } : {}),
  }));
}
