import { type ReactNode, useEffect, useState } from 'react';
import css from '../../src/styles/theme.css?raw';
import { themeTokens } from './theme-tokens.js';

const tokens = themeTokens(css);
const isColor = (value: string) => /^(#|rgb|hsl|oklch)/.test(value);

/**
 * Every `--orgkit-*` variable of the default theme: its light and dark values, and what it
 * computes to on this page now (follow the Theme toolbar: light, dark, system).
 */
export function TokenTable(): ReactNode {
  const [now, setNow] = useState<Record<string, string>>({});
  useEffect(() => {
    const read = () => {
      const style = getComputedStyle(document.documentElement);
      setNow(
        Object.fromEntries(tokens.map((t) => [t.name, style.getPropertyValue(t.name).trim()])),
      );
    };
    read();
    const observer = new MutationObserver(read);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class'],
    });
    return () => observer.disconnect();
  }, []);
  return (
    <table aria-label="Theme variables">
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Light</th>
          <th scope="col">Dark</th>
          <th scope="col">On this page</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.name}>
            <td>
              <code>{t.name}</code>
            </td>
            <td>
              <code>{t.light}</code>
            </td>
            <td>{t.dark ? <code>{t.dark}</code> : '—'}</td>
            <td>
              {isColor(t.light) ? (
                <span
                  aria-hidden="true"
                  style={{
                    display: 'inline-block',
                    width: '1.25rem',
                    height: '1.25rem',
                    marginRight: '0.5rem',
                    verticalAlign: 'middle',
                    border: '1px solid #71717a',
                    borderRadius: '0.25rem',
                    background: `var(${t.name})`,
                  }}
                />
              ) : null}
              <code>{now[t.name] ?? ''}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How many variables the theme declares (said in the guide's text). */
export const tokenCount = tokens.length;
