/**
 * The emulator's HTTP core, provider-agnostic: loopback only, routing (by a provider's OpenAPI
 * contract, or plain routes for endpoints outside it), auth, request validation against the
 * contract, fault injection, the API's error shape, request counting and optional response
 * checking. A provider (`providers/*.ts`) supplies the handlers; another video API is one more
 * provider module.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyError, parseBody, type ParsedBody } from './body.js';
import { describeErrors, invalid, type ApiErrorBody, type Contract, type Operation } from './contract.js';
import { takeHttpFault, type Fault } from './faults.js';

/** An error answered in the API's shape: `{ error: { message, type, param, code } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
  static invalid(message: string, param: string | null = null, code: string | null = 'invalid_value'): ApiError {
    return new ApiError(400, invalid(message, param, code));
  }
  static notFound(message: string, param: string | null = null, code: string | null = null): ApiError {
    return new ApiError(404, invalid(message, param, code));
  }
}

export interface RequestContext {
  operation: string;
  method: string;
  url: URL;
  params: Record<string, string>;
  /** Query values after validation (numbers coerced where the contract says integer). */
  query: Record<string, unknown>;
  body: ParsedBody;
  /** The bearer token (never logged). */
  apiKey: string;
}

export type Reply =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; file: string; contentType: string; bytes: number; headers?: Record<string, string>; delayMs?: number };

export type Handler = (ctx: RequestContext) => Promise<Reply> | Reply;

export interface PlainRoute {
  method: string;
  path: string;
  /** Name for stats and `--fail …:OP`. */
  operation: string;
  handler: Handler;
}

/** A route of a mounted API: its operation name (stats, `--fail …:OP`) and handler. */
export interface MountedRoute {
  operation: string;
  params: Record<string, string>;
  handler: Handler;
  /** Served without a key (a signed download URL). */
  public?: boolean;
}

/**
 * Another video API served under its own path prefix (`/runway`, `/google`, `/fal`), with its own
 * routes, key header and error body; the server still counts requests, injects faults and parses
 * bodies for it. The API's SDK takes the emulator's origin plus the prefix as its base URL.
 */
export interface Mount {
  prefix: string;
  route(method: string, path: string): MountedRoute | { allowed: string[] } | null;
  /** The key the request carries, in this API's own header; null when there is none. */
  apiKey(req: IncomingMessage): string | null;
  /** This API's error body for a status, message and code. */
  error(status: number, message: string, code: string | null): unknown;
}

export interface EmulatorProvider {
  name: string;
  /** Serve this API under its own prefix instead of the OpenAI routes under `/v1`. */
  mount?: Mount;
  /** Routes under `/v1` bound to contract operation ids. */
  contract?: Contract;
  operations?: Record<string, Handler>;
  /** Routes under `/v1` outside any contract (they validate their own bodies). */
  routes?: PlainRoute[];
  stats?(): Record<string, unknown>;
  close?(): Promise<void>;
}

export interface ServerOptions {
  port?: number;
  providers: EmulatorProvider[];
  faults?: Fault[];
  /** Seconds sent in Retry-After with an injected 429 (default 1). */
  retryAfterSeconds?: number;
  /** When set, only this key is accepted; a wrong one gets a 401 that echoes it, as a careless gateway would. */
  apiKey?: string;
  /** Validate every JSON response against the contract (a mismatch is answered 500 and logged). */
  checkResponses?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  requests: Map<string, number>;
  faultsInjected: number;
  close(): Promise<void>;
}

const BASE = '/v1';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const faults = options.faults ?? [];
  const requests = new Map<string, number>();
  const state = { faultsInjected: 0 };
  const log = options.log ?? (() => {});

  const server = createServer((req, res) => {
    const started = Date.now();
    handle(req, res)
      .catch((e: unknown) => {
        log(`internal error: ${(e as Error).stack ?? String(e)}`);
        if (!res.headersSent) sendJson(res, 500, { error: invalid('The emulator failed while processing your request (see its log).', null, null) });
        else res.destroy();
      })
      .finally(() => log(`${req.method} ${req.url} → ${res.statusCode} (${Date.now() - started} ms)`));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === '/__emulator/stats' && method === 'GET') {
      const stats: Record<string, unknown> = { requests: Object.fromEntries(requests), faultsInjected: state.faultsInjected };
      for (const p of options.providers) Object.assign(stats, p.stats?.() ?? {});
      return sendJson(res, 200, stats);
    }
    if (url.pathname === '/__emulator/health') return sendJson(res, 200, { ok: true });
    const mounted = options.providers.find((p) => p.mount && url.pathname.startsWith(`${p.mount.prefix}/`))?.mount;
    if (mounted) return handleMounted(mounted, req, res, url, method);
    if (!url.pathname.startsWith(`${BASE}/`)) return fail(res, notFoundRoute(method, url.pathname));
    const path = url.pathname.slice(BASE.length);

    const route = findRoute(method, path);
    if (!route) return fail(res, notFoundRoute(method, url.pathname));
    if ('allowed' in route) {
      return fail(res, new ApiError(405, invalid(`Method ${method} is not allowed for ${url.pathname}; use ${route.allowed.join(' or ')}.`, null, 'method_not_allowed'), { allow: route.allowed.join(', ') }));
    }
    requests.set(route.operation, (requests.get(route.operation) ?? 0) + 1);

    const apiKey = bearer(req);
    if (!apiKey) {
      return fail(
        res,
        new ApiError(401, {
          message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          type: 'invalid_request_error',
          param: null,
          code: null,
        }),
      );
    }
    if (options.apiKey !== undefined && apiKey !== options.apiKey) {
      return fail(res, new ApiError(401, { message: `Incorrect API key provided: ${apiKey}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' }));
    }

    const fault = takeHttpFault(faults, route.operation);
    if (fault) {
      state.faultsInjected++;
      await drain(req);
      if (fault.status === 429) {
        const seconds = options.retryAfterSeconds ?? 1;
        return fail(res, new ApiError(429, { message: 'Rate limit reached for requests. Please try again later.', type: 'requests', param: null, code: 'rate_limit_exceeded' }, { 'retry-after': String(seconds) }));
      }
      return fail(res, new ApiError(fault.status, { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null }));
    }

    let body: ParsedBody;
    try {
      body = await parseBody(req);
    } catch (e) {
      if (e instanceof BodyError) return fail(res, new ApiError(e.status, invalid(e.message, null, null)));
      throw e;
    }

    try {
      const ctx: RequestContext = { operation: route.operation, method, url, params: route.params, query: {}, body, apiKey };
      if (route.contractOp) validateRequest(route.contractOp, ctx);
      const reply = await route.handler(ctx);
      if (options.checkResponses && route.contractOp?.response && 'json' in reply && (reply.status ?? 200) === 200) {
        const check = route.contractOp.response;
        if (!check(reply.json)) {
          const why = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
          log(`response of ${route.operation} breaks the contract: ${why}`);
          return fail(res, new ApiError(500, invalid(`Emulator bug: the ${route.operation} response does not match the contract (${why}).`, null, 'emulator_contract_violation')));
        }
      }
      await send(res, reply);
    } catch (e) {
      if (e instanceof ApiError) return fail(res, e);
      throw e;
    }
  }

  /** A mounted API's request: the same counting, faults and body parsing, in that API's own shapes. */
  async function handleMounted(mount: Mount, req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const failMounted = (e: ApiError): void => {
      for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
      sendJson(res, e.status, mount.error(e.status, e.body.message, e.body.code));
    };
    const route = mount.route(method, url.pathname.slice(mount.prefix.length));
    if (!route) return failMounted(new ApiError(404, invalid(`Not found: ${method} ${url.pathname}`, null, 'not_found')));
    if ('allowed' in route) {
      return failMounted(new ApiError(405, invalid(`Method ${method} is not allowed for ${url.pathname}; use ${route.allowed.join(' or ')}.`, null, 'method_not_allowed'), { allow: route.allowed.join(', ') }));
    }
    requests.set(route.operation, (requests.get(route.operation) ?? 0) + 1);
    const apiKey = route.public ? '' : mount.apiKey(req);
    if (apiKey === null) return failMounted(new ApiError(401, invalid('No API key was sent.', null, 'unauthenticated')));
    if (!route.public && options.apiKey !== undefined && apiKey !== options.apiKey) return failMounted(new ApiError(401, invalid('The API key is not valid.', null, 'invalid_api_key')));
    const fault = takeHttpFault(faults, route.operation);
    if (fault) {
      state.faultsInjected++;
      await drain(req);
      if (fault.status === 429) return failMounted(new ApiError(429, invalid('Too many requests; try again later.', null, 'rate_limited'), { 'retry-after': String(options.retryAfterSeconds ?? 1) }));
      return failMounted(new ApiError(fault.status, invalid('The server had an error while processing your request.', null, 'server_error')));
    }
    let body: ParsedBody = { kind: 'none', mediaType: null, value: {}, files: new Map() };
    // SDKs send a content type (and sometimes an empty body) with GET; only writes carry a body.
    if (method === 'GET' || method === 'DELETE' || method === 'HEAD') await drain(req);
    else {
      try {
        body = await parseBody(req);
      } catch (e) {
        if (e instanceof BodyError) return failMounted(new ApiError(e.status, invalid(e.message, null, null)));
        throw e;
      }
    }
    try {
      await send(res, await route.handler({ operation: route.operation, method, url, params: route.params, query: {}, body, apiKey }));
    } catch (e) {
      if (e instanceof ApiError) return failMounted(e);
      throw e;
    }
  }

  type Found = { operation: string; params: Record<string, string>; handler: Handler; contractOp: Operation | null };
  function findRoute(method: string, path: string): Found | { allowed: string[] } | null {
    const allowed: string[] = [];
    for (const p of options.providers) {
      for (const r of p.routes ?? []) {
        if (r.path !== path) continue;
        if (r.method === method) return { operation: r.operation, params: {}, handler: r.handler, contractOp: null };
        allowed.push(r.method);
      }
      if (!p.contract) continue;
      const m = p.contract.match(method, path);
      if (!m) continue;
      if ('allowed' in m) {
        allowed.push(...m.allowed);
        continue;
      }
      const handler = p.operations?.[m.operation.id];
      if (handler) return { operation: m.operation.id, params: m.params, handler, contractOp: m.operation };
    }
    return allowed.length ? { allowed } : null;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the emulator is a test double, never a service on the network.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}${BASE}`,
    requests,
    get faultsInjected() {
      return state.faultsInjected;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      for (const p of options.providers) await p.close?.();
    },
  };
}

/** Query parameters and the body against the operation's contract; throws the API's 400. */
function validateRequest(op: Operation, ctx: RequestContext): void {
  for (const q of op.query) {
    const raw = ctx.url.searchParams.get(q.name);
    if (raw === null) {
      if (q.required) throw new ApiError(400, invalid(`Missing required parameter: '${q.name}'.`, q.name, 'missing_required_parameter'));
      continue;
    }
    const type = q.schema['type'];
    const value = (type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    if (!q.validate(value)) throw new ApiError(400, describeErrors(q.validate.errors, q.name));
    ctx.query[q.name] = value;
  }
  if (op.bodies.size === 0) return;
  const { body } = ctx;
  const media = body.mediaType ? op.bodies.get(body.mediaType) : undefined;
  if (!media) {
    const accepted = [...op.bodies.keys()].join(' or ');
    throw new ApiError(body.kind === 'none' ? 400 : 415, invalid(`This endpoint takes a request body as ${accepted}.`, null, null));
  }
  const unknown = Object.keys(body.value).find((k) => !media.properties.includes(k));
  if (unknown) throw new ApiError(400, invalid(`Unknown parameter: '${unknown}'.`, unknown, 'unknown_parameter'));
  if (!media.validate(body.value)) throw new ApiError(400, describeErrors(media.validate.errors));
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(h);
  return m ? m[1]!.trim() || null : null;
}

function notFoundRoute(method: string, pathname: string): ApiError {
  return new ApiError(404, invalid(`Invalid URL (${method} ${pathname})`, null, null));
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _ of req) void _;
}

function fail(res: ServerResponse, e: ApiError): void {
  for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
  sendJson(res, e.status, { error: e.body });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': requestId() });
  res.end(text);
}

async function send(res: ServerResponse, reply: Reply): Promise<void> {
  if ('json' in reply) {
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    return sendJson(res, reply.status ?? 200, reply.json);
  }
  res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType, 'content-length': reply.bytes, 'x-request-id': requestId(), ...reply.headers });
  res.flushHeaders();
  if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(reply.file);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

let counter = 0;
function requestId(): string {
  counter = (counter + 1) % 1e9;
  return `req_emu${Date.now().toString(36)}${counter.toString(36)}`;
}
