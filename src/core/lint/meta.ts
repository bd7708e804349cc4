import { entryForCode } from '../diagnostics/index.js';
import type { RuleMeta } from './types.js';

/** A rule's meta from its catalogue entry (code, rule name, severity, summary) plus how it runs. */
export function ruleMeta(code: string, how: Pick<RuleMeta, 'speed' | 'fixes'>): RuleMeta {
  const e = entryForCode(code);
  if (!e) throw new Error(`rule code ${code} is not in the catalogue`);
  return { code: e.code, rule: e.rule, severity: e.severity, description: e.summary, ...how };
}
