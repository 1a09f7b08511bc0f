import type { OrgkitPermission } from '@orgkit/core/presets';

/**
 * Register your catalog's permission type once so `useCan('flows:craete')` is a compile error:
 *
 * @example
 * declare module '@orgkit/react' {
 *   interface Register {
 *     permission: PermissionOf<typeof myCatalogSpec>;
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by hosts through declaration merging
export interface Register {}

/** The permission strings hooks accept: the registered catalog's, else Orgkit's own. */
export type Permission = Register extends { permission: infer P extends string }
  ? P
  : OrgkitPermission;
