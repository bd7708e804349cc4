/**
 * A value built on first use. The targets' zod schemas use it: building them cost milliseconds
 * of every `shotc compile`, which needs only the chosen target's settings and no body schema.
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
