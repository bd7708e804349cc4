/**
 * The OpenAI Videos API contract (the vendored OpenAPI 3.1 extract) as JSON schemas, checked with
 * the same ajv-based validator the emulator serves through: a real validator, not a hand check.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { contractPath, loadContract } from '../../src/emulator/contract.js';

export const CONTRACT_FILE = 'openai-videos.openapi.yaml';
export const CONTRACT_PATH = contractPath(CONTRACT_FILE);

/** Validate `value` against `#/components/schemas/NAME`; returns the error messages (empty when valid). */
export function contractErrors(schema: string, value: unknown): string[] {
  const v = loadContract(CONTRACT_FILE).schema(schema);
  return v(value) ? [] : (v.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

/** The contract schema(s) a plan request's body must satisfy, by endpoint. */
export function schemasForRequest(method: string, pathName: string): string[] {
  if (method !== 'POST') return [];
  if (pathName === '/videos') return ['CreateVideoJsonBody', 'CreateVideoMultipartBody'];
  if (/^\/videos\/[^/]+\/remix$/.test(pathName)) return ['CreateVideoRemixBody'];
  if (pathName === '/videos/extensions') return ['CreateVideoExtendJsonBody', 'CreateVideoExtendMultipartBody'];
  if (pathName === '/videos/edits') return ['CreateVideoEditJsonBody', 'CreateVideoEditMultipartBody'];
  return [];
}
