/**
 * An OpenAPI 3.1 contract as a request/response validator: the operations (method, path
 * template, query parameters, request bodies by content type, the 200 JSON response) compiled
 * with ajv (JSON Schema 2020-12, which OpenAPI 3.1 schemas are). The emulator routes and
 * validates through this, so it cannot drift from the contract it claims to serve.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import YAML from 'yaml';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** Uploaded files stand in the validated value as this string, so `format: binary` can tell them from text. */
export const BINARY = '\u0000binary';

export interface QueryParam {
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

export interface Operation {
  id: string;
  method: string;
  /** Path template as written (`/videos/{video_id}`). */
  template: string;
  regex: RegExp;
  pathParams: string[];
  query: QueryParam[];
  /** Body validators by media type (`application/json`, `multipart/form-data`). */
  bodies: Map<string, { validate: ValidateFunction; properties: string[] }>;
  /** The 200 `application/json` response schema, if any. */
  response: ValidateFunction | null;
}

export interface Contract {
  title: string;
  operations: Operation[];
  /** The operation for a method and path (without the server's base path), with path parameters. */
  match(method: string, pathname: string): { operation: Operation; params: Record<string, string> } | { allowed: string[] } | null;
  /** A validator for `#/components/schemas/NAME`. */
  schema(name: string): ValidateFunction;
}

/** The directory of contract files shipped with shotc (found from this module in src/ or dist/). */
export function contractPath(file: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const candidate of [path.join(dir, 'contract', file), path.join(dir, 'src', 'emulator', 'contract', file)]) {
      if (existsSync(candidate)) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`contract ${file} not found next to the emulator (looked from ${fileURLToPath(import.meta.url)})`);
}

const cache = new Map<string, Contract>();

export function loadContract(file: string): Contract {
  const hit = cache.get(file);
  if (hit) return hit;
  const doc = YAML.parse(readFileSync(contractPath(file), 'utf8')) as OpenApiDoc;
  const contract = compileContract(doc, `https://shotc.invalid/contracts/${file}`);
  cache.set(file, contract);
  return contract;
}

interface OpenApiDoc {
  info?: { title?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}

interface OpenApiOperation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses?: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, validateFormats: true });
  addFormats(ajv);
  // OpenAPI annotations and the generator's extensions: meaningful to people, not to validation.
  ajv.addVocabulary(['example', 'x-stainless-const', 'x-oaiMeta']);
  ajv.addFormat('binary', { type: 'string', validate: (s: string) => s === BINARY });
  ajv.addFormat('unixtime', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });
  return ajv;
}

function compileContract(doc: OpenApiDoc, id: string): Contract {
  const ajv = newAjv();
  // JSON Schema keeps shared schemas in `$defs`; OpenAPI in `components.schemas`. Map one onto the other.
  ajv.addSchema({ $id: id, $defs: rebase(doc.components.schemas, id) });
  // Inline schemas hold document-relative refs (`#/components/...`): point them at the document.
  const ref = (schema: Record<string, unknown>): ValidateFunction => ajv.compile(rebase(schema, id));
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const pathParams: string[] = [];
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
        pathParams.push(name);
        return '([^/]+)';
      });
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema, validate: ref(p.schema) }));
      const bodies = new Map<string, { validate: ValidateFunction; properties: string[] }>();
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        bodies.set(type, { validate: ref(media.schema), properties: propertiesOf(media.schema, doc) });
      }
      const okJson = op.responses?.['200']?.content?.['application/json']?.schema;
      const response = okJson && (okJson['$ref'] || okJson['type'] === 'object') ? ref(okJson) : null;
      operations.push({ id: op.operationId, method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), pathParams, query, bodies, response });
    }
  }
  // Literal segments beat parameters (`/videos/edits` is not `/videos/{video_id}`).
  operations.sort((a, b) => a.pathParams.length - b.pathParams.length);
  return {
    title: doc.info?.title ?? id,
    operations,
    match(method, pathname) {
      const allowed: string[] = [];
      for (const op of operations) {
        const m = op.regex.exec(pathname);
        if (!m) continue;
        if (op.method !== method) {
          allowed.push(op.method);
          continue;
        }
        const params: Record<string, string> = {};
        op.pathParams.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
        return { operation: op, params };
      }
      return allowed.length ? { allowed } : null;
    },
    schema(name) {
      const v = ajv.getSchema(`${id}#/$defs/${name}`);
      if (!v) throw new Error(`no schema ${name} in ${id}`);
      return v;
    },
  };
}

/** Point document-relative refs (`#/components/schemas/X`) at the contract's `$defs`. */
function rebase(schema: unknown, id: string): Record<string, unknown> {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/components/schemas/') ? `${id}#/$defs/${x.slice('#/components/schemas/'.length)}` : walk(x);
      }
      return out;
    }
    return v;
  };
  return walk(schema) as Record<string, unknown>;
}

function propertiesOf(schema: Record<string, unknown>, doc: OpenApiDoc): string[] {
  const target = typeof schema['$ref'] === 'string' ? doc.components.schemas[(schema['$ref'] as string).split('/').pop()!] : schema;
  const props = (target as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

// ---------------------------------------------------------------------------------------------
// Validation errors in the API's words.

export interface ApiErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** The first problem ajv found, phrased as the OpenAI API phrases it. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined, prefix = ''): ApiErrorBody {
  const list = errors ?? [];
  const missing = list.find((e) => e.keyword === 'required');
  if (missing) {
    const name = join(prefix, paramOf(missing.instancePath), String((missing.params as { missingProperty: string }).missingProperty));
    return invalid(`Missing required parameter: '${name}'.`, name, 'missing_required_parameter');
  }
  const first = list[0];
  if (!first) return invalid('Invalid request.', null, 'invalid_request');
  const at = first.instancePath;
  const here = list.filter((e) => e.instancePath === at);
  const param = join(prefix, paramOf(at)) || null;
  const union = list.find((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && e.instancePath === at) ?? list.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (union) {
    const p = join(prefix, paramOf(union.instancePath));
    const branches = ((union.parentSchema as Record<string, unknown>)[union.keyword] as Array<Record<string, unknown>>) ?? [];
    const wantsFile = branches.some((b) => b['format'] === 'binary');
    const data = union.data;
    if (wantsFile && typeof data === 'string') return invalid(`Invalid type for '${p}': expected a file, but got a string instead.`, p, 'invalid_type');
    const deeper = list.find((e) => e.instancePath.startsWith(union.instancePath + '/'));
    if (deeper && data && typeof data === 'object') return describeErrors([deeper], prefix);
    return invalid(`Invalid type for '${p}': expected ${wantsFile ? 'a file or an object' : describeBranches(branches)}, but got ${typeName(data)} instead.`, p, 'invalid_type');
  }
  const e = here.find((x) => x.keyword === 'type') ?? here.find((x) => x.keyword === 'enum') ?? first;
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const allowed = schema['enum'] as unknown[] | undefined;
      const expected = allowed ? `one of ${listOf(allowed, 'or')}` : describeType(String(schema['type']));
      return invalid(`Invalid type for '${param}': expected ${expected}, but got ${typeName(e.data)} instead.`, param, 'invalid_type');
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      return invalid(`Invalid value: '${String(e.data)}'. Supported values are: ${listOf(allowed, 'and')}.`, param, 'invalid_value');
    }
    case 'maxLength': {
      const limit = (e.params as { limit: number }).limit;
      return invalid(
        `Invalid '${param}': string too long. Expected a string with maximum length ${limit}, but got a string with length ${String(e.data).length} instead.`,
        param,
        'string_above_max_length',
      );
    }
    case 'minLength':
      return invalid(`Invalid '${param}': empty string. Expected a string with minimum length ${(e.params as { limit: number }).limit}, but got an empty string instead.`, param, 'empty_string');
    case 'maximum':
      return invalid(`Invalid '${param}': integer above maximum value. Expected a value <= ${(e.params as { limit: number }).limit}, but got ${String(e.data)} instead.`, param, 'integer_above_max_value');
    case 'minimum':
      return invalid(`Invalid '${param}': integer below minimum value. Expected a value >= ${(e.params as { limit: number }).limit}, but got ${String(e.data)} instead.`, param, 'integer_below_min_value');
    case 'format':
      return invalid(`Invalid '${param}': expected ${formatName(String((e.params as { format: string }).format))}.`, param, 'invalid_value');
    default:
      return invalid(`Invalid '${param ?? 'request'}': ${e.message ?? 'invalid value'}.`, param, 'invalid_value');
  }
}

export function invalid(message: string, param: string | null, code: string | null): ApiErrorBody {
  return { message, type: 'invalid_request_error', param, code };
}

function paramOf(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('.');
}

/** `'4', '8', and '12'` or `'4', '8', or '12'`. */
export function listOf(values: readonly unknown[], conj: 'and' | 'or'): string {
  const q = values.map((v) => `'${String(v)}'`);
  if (q.length <= 1) return q.join('');
  if (q.length === 2) return `${q[0]} ${conj} ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, ${conj} ${q[q.length - 1]}`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a decimal';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'object') return 'an object';
  return 'a string';
}

function describeType(t: string): string {
  return t === 'integer' ? 'an integer' : t === 'object' ? 'an object' : t === 'array' ? 'an array' : t === 'boolean' ? 'a boolean' : t === 'number' ? 'a number' : 'a string';
}

function describeBranches(branches: ReadonlyArray<Record<string, unknown>>): string {
  const types = [...new Set(branches.map((b) => (b['$ref'] ? 'object' : String(b['type'] ?? 'value'))))];
  return types.map(describeType).join(' or ');
}

function formatName(f: string): string {
  return f === 'uri' ? 'a URL' : f === 'binary' ? 'a file' : `a value in ${f} format`;
}
