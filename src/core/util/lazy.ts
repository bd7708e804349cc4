/**
 * A value built on first use. For what a one-shot `shotc compile` of a small file usually never
 * needs but would pay for at load: the other targets' zod schemas, regular expressions for
 * phrases most lines lack.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
