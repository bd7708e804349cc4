/**
 * Keeping secrets out of output: every message that leaves the renderer (terminal, journal, error)
 * passes through a redactor that knows the API key in use, and also masks anything shaped like an
 * OpenAI key, since a gateway may echo a key we never saw.
 */
const KEY_SHAPES = /\b(?:sk|rk)-[A-Za-z0-9_-]{8,}/g;

export type Redactor = (text: string) => string;

export function makeRedactor(secrets: ReadonlyArray<string | null | undefined>): Redactor {
  const exact = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of exact) out = out.split(s).join('***');
    return out.replace(KEY_SHAPES, (m) => `${m.slice(0, 3)}***`);
  };
}
