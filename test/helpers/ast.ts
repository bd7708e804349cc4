/** The AST without source positions, for comparing meaning across layouts. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.filter((v) => !isSpan(v)).map(withoutSpans);
    return items;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'span' || isSpan(v)) continue;
      out[k] = withoutSpans(v);
    }
    return out;
  }
  return value;
}

function isSpan(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 2 && typeof (v as { start?: unknown }).start === 'number' && typeof (v as { end?: unknown }).end === 'number';
}
