import type { Catalog } from './define-catalog.js';

/** One action of a resource, as `GET /v1/permissions` lists it. */
export interface CatalogActionDescription {
  readonly action: string;
  readonly permission: string;
  readonly label: string;
  readonly description: string | null;
}

/** One module of the catalog with its sections, resources and actions, in declaration order. */
export interface CatalogModuleDescription {
  readonly module: string;
  readonly label: string;
  readonly description: string | null;
  readonly exclusiveRoles: boolean;
  readonly sections: {
    readonly section: string;
    readonly label: string;
    readonly resources: {
      readonly resource: string;
      readonly label: string;
      readonly acl: boolean;
      readonly actions: CatalogActionDescription[];
    }[];
  }[];
}

/** The whole catalog as plain data (module → section → resource → actions, as a permission table lays it out). */
export interface CatalogDescription {
  readonly fingerprint: string;
  readonly modules: CatalogModuleDescription[];
  /** Modules whose roles are exclusive levels (a member holds at most one). */
  readonly exclusiveModules: string[];
}

/**
 * Describes a catalog as plain, serializable data: module → section → resource → action with
 * labels — what the reference server answers on `GET /v1/permissions` and the mocks copy.
 */
export function describeCatalog(catalog: Catalog<string>): CatalogDescription {
  const modules = [...catalog.modules].map(([module, spec]) => ({
    module,
    label: spec.label ?? module,
    description: spec.description ?? null,
    exclusiveRoles: spec.exclusiveRoles === true,
    sections: Object.entries(spec.sections).map(([section, s]) => ({
      section,
      label: s.label ?? section,
      resources: Object.keys(s.resources).map((resource) => {
        const info = catalog.resources.get(resource)!;
        return {
          resource,
          label: info.label,
          acl: info.acl,
          actions: catalog.permissionsOf(resource).map((permission) => {
            const entry = catalog.info(permission)!;
            return {
              action: entry.action,
              permission,
              label: entry.label,
              description: entry.description ?? null,
            };
          }),
        };
      }),
    })),
  }));
  return {
    fingerprint: catalog.fingerprint,
    modules,
    exclusiveModules: modules.filter((m) => m.exclusiveRoles).map((m) => m.module),
  };
}
