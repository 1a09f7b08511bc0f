import type { OrgkitApp } from '../app.js';

/** One operation of the OpenAPI document. */
export interface Operation {
  /** `METHOD /v1/path/{param}`: the key of the fixture tables. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly { name: string; required: boolean; schema: Schema }[];
  /** The JSON request body schema, `$ref`s resolved. */
  readonly body: Schema | undefined;
  readonly bodyRequired: boolean;
}

/** A JSON Schema node (OpenAPI 3.1), as far as the tests read it. */
export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  $ref?: string;
  [k: string]: unknown;
};

type Doc = {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
};
type RawOperation = {
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
};

function resolve(doc: Doc, schema: Schema, depth = 0): Schema {
  if (depth > 8) return schema;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(doc, doc.components?.schemas?.[name] ?? {}, depth + 1);
  }
  const out: Schema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1)]),
    );
  }
  if (schema.items) out.items = resolve(doc, schema.items, depth + 1);
  if (schema.anyOf) out.anyOf = schema.anyOf.map((s) => resolve(doc, s, depth + 1));
  return out;
}

/** Every operation the app's own `/v1/openapi.json` declares. */
export async function loadOperations(app: OrgkitApp): Promise<Operation[]> {
  const doc = (await (await app.request('/v1/openapi.json')).json()) as Doc;
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const json = op.requestBody?.content['application/json']?.schema;
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema })),
        body: json ? resolve(doc, json) : undefined,
        bodyRequired: op.requestBody?.required ?? json !== undefined,
      });
    }
  }
  return out;
}

/** Fills `{param}` placeholders and appends a query string. */
export function buildUrl(
  path: string,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(value);
  });
  const qs = new URLSearchParams(query).toString();
  return qs ? `${filled}?${qs}` : filled;
}
