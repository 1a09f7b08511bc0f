/** An action on a resource: its label, or a label with a description. */
export type ActionSpec = string | { readonly label: string; readonly description?: string };

/** A resource of the catalog: the actions it supports. */
export interface ResourceSpec {
  readonly label?: string;
  readonly description?: string;
  /**
   * Instances of this resource type are access-controlled by ACL grants. The catalog then also
   * contains `<resource>:all`, the permission that bypasses the ACL ("access all directories").
   */
  readonly acl?: boolean;
  readonly actions: { readonly [action: string]: ActionSpec };
}

/** A section of a module: a group of resources shown together. */
export interface SectionSpec {
  readonly label?: string;
  readonly resources: { readonly [resource: string]: ResourceSpec };
}

/** A module (product area) of the catalog. */
export interface ModuleSpec {
  readonly label?: string;
  readonly description?: string;
  /** A member holds at most one role of this module (levels such as L1 / L1 RO / L2 / L2 RO). */
  readonly exclusiveRoles?: boolean;
  readonly sections: { readonly [section: string]: SectionSpec };
}

/** The whole declaration: modules → sections → resources → actions. */
export interface CatalogSpec {
  readonly [module: string]: ModuleSpec;
}

type ValuesOf<T> = T[keyof T];

/** Union of every resource record of a catalog spec. */
type ResourceRecordsOf<C extends CatalogSpec> = ValuesOf<{
  [M in keyof C]: ValuesOf<{ [S in keyof C[M]['sections']]: C[M]['sections'][S]['resources'] }>;
}>;

type PermissionsOfRecord<R> = R extends { readonly [resource: string]: ResourceSpec }
  ? ValuesOf<{
      [K in keyof R & string]:
        | `${K}:${keyof R[K]['actions'] & string}`
        | (R[K] extends { readonly acl: true } ? `${K}:all` : never);
    }>
  : never;

/** The `resource:action` permission literals a catalog spec declares. */
export type PermissionOf<C extends CatalogSpec> = PermissionsOfRecord<ResourceRecordsOf<C>>;

/** The resource part of a permission literal. */
export type ResourceOf<P extends string> = P extends `${infer R}:${string}` ? R : never;

/** The action part of a permission literal for resource R. */
export type ActionOf<P extends string, R extends string> = P extends `${R}:${infer A}` ? A : never;

/** Module keys of a catalog spec. */
export type ModuleOf<C extends CatalogSpec> = keyof C & string;

/** What the catalog knows about one permission. */
export interface PermissionInfo {
  readonly permission: string;
  readonly index: number;
  readonly module: string;
  readonly section: string;
  readonly resource: string;
  readonly action: string;
  readonly label: string;
  readonly description?: string;
}

/** What the catalog knows about one resource type. */
export interface ResourceInfo {
  readonly resource: string;
  readonly module: string;
  readonly section: string;
  readonly label: string;
  readonly acl: boolean;
  readonly actions: readonly string[];
}
