/** Whether the code unit at `i` is a letter, digit or `_` (false outside the text): a word's edge test. */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  // ASCII without a regular expression: most prose is ASCII.
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return /[\p{L}\p{N}_]/u.test(text.charAt(i));
}

/** Where `word` next stands as a whole word in `text`, from `from` on (`MARA's` counts, `MARAT` does not); -1 when nowhere. */
export function indexOfWord(text: string, word: string, from = 0): number {
  for (let i = text.indexOf(word, from); i !== -1; i = text.indexOf(word, i + 1)) {
    if (!isWordCharAt(text, i - 1) && !isWordCharAt(text, i + word.length)) return i;
  }
  return -1;
}
