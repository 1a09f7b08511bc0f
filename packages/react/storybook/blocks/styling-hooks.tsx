import hooks from 'virtual:orgkit-styling-hooks';
import { useOf } from '@storybook/addon-docs/blocks';
import type { ReactNode } from 'react';

/**
 * The component's styling surface, read from its source: `data-slot` of each part, the other
 * `data-*` attributes (states), and its own CSS variables.
 */
export function StylingHooksBlock(): ReactNode {
  const meta = useOf('meta');
  // "Team/TeamTable" lives in src/team-table.
  const title = meta.type === 'meta' ? meta.preparedMeta.title : '';
  const name = title.split('/').pop() ?? '';
  const found = hooks[name.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase()];
  if (!found) return null;
  return (
    <section aria-labelledby="orgkit-styling-hooks">
      <h2 id="orgkit-styling-hooks">Styling hooks</h2>
      <p>
        Every part carries a <code>data-slot</code>; states are <code>data-*</code> attributes, so a
        host restyles with plain CSS selectors. The theme's <code>--orgkit-*</code> variables (see
        Guides › Theming) apply to every part
        {found.variables.length > 0 ? ', plus the variables of this component' : ''}.
      </p>
      <table aria-label="Styling hooks">
        <tbody>
          <tr>
            <th scope="row">
              <code>data-slot</code>
            </th>
            <td>
              {found.slots.map((s) => (
                <code key={s}>{s} </code>
              ))}
            </td>
          </tr>
          <tr>
            <th scope="row">Other attributes</th>
            <td>
              {found.attributes.map((a) => (
                <code key={a}>{a} </code>
              ))}
            </td>
          </tr>
          <tr>
            <th scope="row">CSS variables</th>
            <td>
              {found.variables.length > 0
                ? found.variables.map((v) => <code key={v}>{v} </code>)
                : 'the theme variables only'}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
