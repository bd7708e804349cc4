/**
 * Fault injection, from `--fail` flags:
 *   `429:N[:OP]`         the next N requests (to OP) answer 429 with a Retry-After header
 *   `500:N[:OP]`         the next N requests (to OP) answer 500 (also 502, 503, 504)
 *   `moderation:PATTERN` jobs whose prompt matches PATTERN (a case-insensitive regular
 *                        expression) end `failed` with `moderation_blocked`
 * OP names a group of operations (see OPERATION_GROUPS); without it any API request counts.
 */

export type Fault =
  | { kind: 'http'; status: number; remaining: number; operations: readonly string[] | null; spec: string }
  | { kind: 'moderation'; pattern: RegExp; spec: string };

/** Friendly names for the contract's operation ids (and the moderations route). */
export const OPERATION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  // The other APIs' job-creating, status and download calls join the groups that match them.
  create: ['createVideo', 'runway.create', 'veo.create', 'fal.submit'],
  remix: ['CreateVideoRemix'],
  edit: ['CreateVideoEdit'],
  extend: ['CreateVideoExtend'],
  jobs: ['createVideo', 'CreateVideoRemix', 'CreateVideoEdit', 'CreateVideoExtend', 'runway.create', 'veo.create', 'fal.submit'],
  retrieve: ['GetVideo', 'runway.task', 'veo.operation', 'fal.status', 'fal.result'],
  list: ['ListVideos'],
  delete: ['DeleteVideo'],
  content: ['RetrieveVideoContent', 'runway.output', 'veo.download', 'fal.file'],
  characters: ['CreateVideoCharacter', 'GetVideoCharacter'],
  moderations: ['createModeration'],
};

export class FaultSpecError extends Error {}

export function parseFault(spec: string): Fault {
  const moderation = /^moderation:(.+)$/s.exec(spec);
  if (moderation) {
    try {
      return { kind: 'moderation', pattern: new RegExp(moderation[1]!, 'i'), spec };
    } catch (e) {
      throw new FaultSpecError(`--fail ${spec}: not a valid pattern (${(e as Error).message})`);
    }
  }
  const m = /^(\d{3}):(\d+)(?::([a-z]+))?$/.exec(spec);
  if (!m) throw new FaultSpecError(`--fail ${spec}: expected 429:N, 500:N (optionally :OPERATION) or moderation:PATTERN`);
  const status = Number(m[1]);
  if (status !== 429 && (status < 500 || status > 504)) throw new FaultSpecError(`--fail ${spec}: only 429 and 500–504 can be injected`);
  const group = m[3];
  if (group && !OPERATION_GROUPS[group]) throw new FaultSpecError(`--fail ${spec}: unknown operation "${group}"; one of ${Object.keys(OPERATION_GROUPS).join(', ')}`);
  return { kind: 'http', status, remaining: Number(m[2]), operations: group ? OPERATION_GROUPS[group]! : null, spec };
}

/** The injected failure for this request, if any (consumes one count). */
export function takeHttpFault(faults: Fault[], operation: string): { status: number } | null {
  for (const f of faults) {
    if (f.kind !== 'http' || f.remaining <= 0) continue;
    if (f.operations && !f.operations.includes(operation)) continue;
    f.remaining--;
    return { status: f.status };
  }
  return null;
}

export function moderationFault(faults: readonly Fault[], prompt: string): Fault | null {
  return faults.find((f) => f.kind === 'moderation' && f.pattern.test(prompt)) ?? null;
}
