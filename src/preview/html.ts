/** Escaping for the HTML and SVG the storyboard writes: every piece of user text goes through here. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content and attribute values alike (quotes escaped too, so one function serves both). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A fragment id for a clip: stable, unique per name, and safe in `href="#…"`. */
export function clipId(name: string): string {
  return `clip-${name.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
}

/** `$1.20`, or an em dash when the target has no price for the model and size. */
export function usd(n: number | null): string {
  return n === null ? '—' : `$${n.toFixed(2)}`;
}

/** `4 s`, `2.4 s`, `1 min 12 s`. */
export function duration(seconds: number): string {
  const s = Math.round(seconds * 100) / 100;
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round((s - m * 60) * 100) / 100;
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
