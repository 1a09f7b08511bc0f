import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
interface ResponseObject {
  readonly content?: Record<string, { schema?: Json }>;
  readonly headers?: Record<string, unknown>;
}
export interface OpenApiDoc {
  readonly paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
  readonly components?: Json;
}

/** What one response did that its operation does not declare, or `undefined` when it conforms. */
export type Verdict = string | undefined;

/**
 * Checks responses against the OpenAPI document: the status must be declared for the operation,
 * the media type must be one of that response's, and the body must validate against its schema
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
 */
export class Conformance {
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDoc) {
    // `strict: false`: OpenAPI annotations (`example`, …) are not JSON Schema vocabulary.
    this.#ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.#ajv);
    this.#ajv.addSchema({ $id: 'openapi.json', components: doc.components ?? {} });
  }

  /** The statuses `METHOD path` declares. */
  statuses(method: string, path: string): string[] {
    return Object.keys(this.doc.paths[path]?.[method.toLowerCase()]?.responses ?? {});
  }

  /** Checks one response of `METHOD path` (path as in the document, `{param}` form). */
  check(method: string, path: string, status: number, contentType: string, body: string): Verdict {
    const responses = this.doc.paths[path]?.[method.toLowerCase()]?.responses;
    if (!responses) return `no operation ${method} ${path} in the document`;
    const declared = responses[String(status)] ?? responses.default;
    if (!declared) return `status ${status} is not declared (declared: ${Object.keys(responses)})`;
    const content = declared.content;
    if (!content || Object.keys(content).length === 0) {
      return body.length === 0 ? undefined : `status ${status} declares no body but one was sent`;
    }
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const media = content[mediaType];
    if (!media) return `media type "${mediaType}" is not declared for ${status}`;
    if (!media.schema) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return `status ${status}: the body is not JSON`;
    }
    const key = `${method} ${path} ${status} ${mediaType}`;
    let validate = this.#validators.get(key);
    if (!validate) {
      validate = this.#ajv.compile(relink(media.schema) as Json);
      this.#validators.set(key, validate);
    }
    if (validate(parsed)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 3)
      .map((e) => `${e.instancePath || '(root)'} ${e.message}`)
      .join('; ');
    return `status ${status}: body does not match its schema: ${errors}`;
  }
}

/** Points document-local `$ref`s (`#/components/…`) at the registered document. */
function relink(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relink);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) =>
      k === '$ref' && typeof v === 'string' && v.startsWith('#/')
        ? [k, `openapi.json${v}`]
        : [k, relink(v)],
    ),
  );
}
