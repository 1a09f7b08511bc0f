import fc from 'fast-check';
import type { Schema } from './operations.js';

/** Strings that have broken servers before: injections, traversal, encodings, ids of nothing. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; drop table users; --",
  '1; select pg_sleep(5)',
  '" onmouseover="alert(1)',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, on purpose
  '${7*7}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\u0000\u0001\u0002\u001b[31m',
  '\ud800',
  '\u202e\u202d',
  '🏳️‍🌈👩‍👩‍👧‍👦',
  'org_doesnotexist',
  'usr_00000000000000000000000000000000',
  '-1',
  '0',
  '9'.repeat(40),
  'NaN',
  'null',
  'true',
  '',
  ' ',
  'a'.repeat(5_000),
] as const;

/** A hostile string: a known one, arbitrary code points (lone surrogates too), or a long one. */
export const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', minLength: 200, maxLength: 2_000 }),
);

/** Nesting far deeper than any schema: arrays or objects, `depth` levels. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** A hostile JSON value in place of a field or of the whole body. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 2 ** 53 + 1, [], {}),
  fc.double(),
  fc.integer(),
  fc.array(hostileString, { maxLength: 5 }),
  fc.constantFrom(
    deeplyNested(2_000, 'array'),
    deeplyNested(2_000, 'object'),
    Array.from({ length: 5_000 }, (_, i) => `x${i}@fuzz.test`),
  ),
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'x'), fc.jsonValue()),
);

/** One way of spoiling a valid request. */
export type Mutation =
  | { kind: 'field'; field: string; value: unknown }
  | { kind: 'extra-field'; field: string; value: unknown }
  | { kind: 'drop-field'; field: string }
  | { kind: 'body'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'path'; param: string; value: string }
  | { kind: 'query'; param: string; value: string };

const RAW_BODIES = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  'NaN',
  '\u0000',
  '[1,2',
  '{"a":"\\ud800"}',
  `{"a":"${'x'.repeat(110 * 1024)}"}`,
  '{}'.padStart(5_000, ' '),
];
const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/xml',
];

/** Mutations of an operation's request, derived from its schema and parameters. */
export function mutations(op: {
  body: Schema | undefined;
  pathParams: readonly string[];
  queryParams: readonly { name: string }[];
  method: string;
}): fc.Arbitrary<Mutation> {
  const fields = Object.keys(op.body?.properties ?? {});
  const options: fc.Arbitrary<Mutation>[] = [];
  if (fields.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('field' as const),
        field: fc.constantFrom(...fields),
        value: hostileValue,
      }),
      fc.record({ kind: fc.constant('drop-field' as const), field: fc.constantFrom(...fields) }),
    );
  }
  if (op.method !== 'GET') {
    options.push(
      fc.record({
        kind: fc.constant('extra-field' as const),
        field: fc.constantFrom('isAdmin', 'platformAdmin', 'orgId', '__proto__', 'id', 'ownerId'),
        value: hostileValue,
      }),
      fc.record({ kind: fc.constant('body' as const), value: hostileValue }),
      fc.record({
        kind: fc.constant('raw' as const),
        text: fc.oneof(
          fc.constantFrom(...RAW_BODIES),
          fc.string({ unit: 'binary', maxLength: 50 }),
        ),
        contentType: fc.constantFrom(...CONTENT_TYPES),
      }),
    );
  }
  if (op.pathParams.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('path' as const),
        param: fc.constantFrom(...op.pathParams),
        value: hostileString,
      }),
    );
  }
  const query = [...op.queryParams.map((q) => q.name), 'cursor', 'limit'];
  options.push(
    fc.record({
      kind: fc.constant('query' as const),
      param: fc.constantFrom(...query),
      value: fc.oneof(
        hostileString,
        fc.constantFrom('-1', '0', '1e9', '99999999999999999999', 'eyJ4IjoxfQ', 'AAAA', '%ZZ'),
      ),
    }),
  );
  return fc.oneof(...options);
}

/** Request headers the server reads itself, each worth spoiling on its own. */
export const HOSTILE_HEADER_NAMES = [
  'x-forwarded-for',
  'x-request-id',
  'user-agent',
  'cookie',
  'authorization',
  'origin',
  'sec-fetch-site',
  'x-orgkit-csrf',
  'idempotency-key',
  'content-type',
  'accept',
  'accept-language',
] as const;

/** Header values that have broken servers before: near-addresses, chains, encodings, floods. */
export const HOSTILE_HEADER_VALUES = [
  '1.2.3',
  '1.2.3.4.5',
  '999.999.999.999',
  '::g',
  '1.2.3.4, ',
  ', , ,',
  'unknown',
  'for=192.0.2.60;proto=http',
  `${'203.0.113.1, '.repeat(300)}203.0.113.1`,
  'Bearer',
  'Bearer ok_',
  'Bearer ok_x_y z',
  'orgkit_session=; orgkit_session=x',
  'orgkit_session=%ZZ',
  'null',
  'https://evil.example',
  'cross-site',
  'application/json; charset=x-unknown',
  '*/*;q=abc',
  'é',
  ...HOSTILE_STRINGS,
] as const;

/** A hostile header value, kept to what the Fetch API lets a client send (no NUL, CR, LF). */
export const hostileHeaderValue = fc
  .oneof(
    fc.constantFrom(...HOSTILE_HEADER_VALUES),
    fc.string({ unit: 'binary-ascii', maxLength: 80 }),
    fc.string({ unit: 'grapheme-ascii', minLength: 500, maxLength: 9_000 }),
  )
  .filter((value) => {
    try {
      new Headers({ 'x-probe': value });
      return true;
    } catch {
      return false;
    }
  });
