import { z } from '@hono/zod-openapi';
import { describeCatalog } from '@orgkit/core';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json } from '../openapi.js';

/** The permission catalog (`GET /v1/permissions`). */
export const permissionRoutes = createRouter();

const ActionSchema = z.object({
  action: z.string(),
  permission: z.string(),
  label: z.string(),
  description: z.string().nullable(),
});

const ResourceSchema = z.object({
  resource: z.string(),
  label: z.string(),
  /** Instances are ACL-controlled; `<resource>:all` bypasses the ACL. */
  acl: z.boolean(),
  actions: z.array(ActionSchema),
});

const ModuleSchema = z
  .object({
    module: z.string(),
    label: z.string(),
    description: z.string().nullable(),
    /** A member holds at most one role of this module (levels such as L1 / L2). */
    exclusiveRoles: z.boolean(),
    sections: z.array(
      z.object({ section: z.string(), label: z.string(), resources: z.array(ResourceSchema) }),
    ),
  })
  .openapi('PermissionModule');

const CatalogSchema = z
  .object({
    /** Changes whenever the permission list changes; compiled permission sets carry it. */
    fingerprint: z.string(),
    modules: z.array(ModuleSchema),
    exclusiveModules: z.array(z.string()),
  })
  .openapi('PermissionCatalog');

const getCatalog = defineRoute({
  operationId: 'getPermissionCatalog',
  method: 'get',
  path: '/permissions',
  tags: ['roles'],
  summary: 'The permission catalog: module → section → resource → action, with labels',
  description:
    'Every permission the product declares, grouped for display, with labels. The same for every caller.',
  security: AUTHENTICATED,
  responses: { 200: json(CatalogSchema, 'The catalog') },
});

permissionRoutes.openapi(getCatalog, (c) => {
  requirePrincipal(c);
  const { catalog } = c.var.deps.access;
  return c.json(describeCatalog(catalog), 200);
});
