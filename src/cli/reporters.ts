/** Machine-readable diagnostic formats for `shotc lint --format`. */
import type { DiagnosticRecord } from '../core/diagnostics/index.js';

export type Reporter = (records: readonly DiagnosticRecord[], context: { cwd: string }) => string;

export const reporters: Record<string, Reporter> = {
  pretty: () => '',
  json: (records) => JSON.stringify(records, null, 2) + '\n',
};
