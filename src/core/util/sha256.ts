/**
 * SHA-256 in plain TypeScript: synchronous and the same in Node and browsers (Web Crypto is async
 * and missing on insecure origins). Plan hashes are taken once per request, thousands of times for
 * a long storyboard, so the hasher encodes strings to UTF-8 as it goes (no intermediate byte
 * arrays) and reuses one block buffer; `Sha256.json` writes a JSON string literal straight into
 * the hash, so a value can be hashed as JSON without building the JSON text.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const HEX = '0123456789abcdef';
const INIT = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Strings at least this long are encoded with TextEncoder (where there is one) instead of char by char. */
const LONG = 256;
const encoder: TextEncoder | undefined = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;
let scratch = new Uint8Array(4096);
/** A string's UTF-8, before escaping (`encodedJson`). */
let raw = new Uint8Array(4096);

/** Whether `s` has no lone surrogate (`isWellFormed`, where the platform has it). */
function wellFormed(s: string): boolean {
  const test = (s as { isWellFormed?: () => boolean }).isWellFormed;
  if (test) return test.call(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || i + 1 === s.length || (s.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return false;
    i++;
  }
  return true;
}

/** Message schedule, shared: hashing is synchronous, so one hasher compresses at a time. */
const W = new Int32Array(64);

/** Read the 64-byte block of `buf` at `at` into the first 16 words of the schedule. */
function load(buf: Uint8Array, at: number): void {
  const w = W;
  for (let i = 0, j = at; i < 16; i++, j += 4) w[i] = (buf[j]! << 24) | (buf[j + 1]! << 16) | (buf[j + 2]! << 8) | buf[j + 3]!;
}

/** Process the block of `buf` at `at` into the state `h`. */
function compress(h: Int32Array, buf: Uint8Array, at = 0): void {
  load(buf, at);
  compressLoaded(h);
}

/** Process the block `load` read into the state `h`. */
function compressLoaded(h: Int32Array): void {
  const w = W;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let hh = h[7]!;
  let t1 = 0;
  // Eight rounds at a time, each variable taking the next role instead of the eight being shifted
  // along every round (about a tenth faster). A round: t1 = h + Σ1(e) + Ch(e, f, g) + K + W;
  // d += t1; h = t1 + Σ0(a) + Maj(a, b, c); then each variable is the role before its own.
  for (let i = 0; i < 64; i += 8) {
    t1 = (hh + ((((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    d = (d + t1) | 0;
    hh = (t1 + ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    t1 = (g + ((((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7)))) + ((d & e) ^ (~d & f)) + K[i + 1]! + w[i + 1]!) | 0;
    c = (c + t1) | 0;
    g = (t1 + ((((hh >>> 2) | (hh << 30)) ^ ((hh >>> 13) | (hh << 19)) ^ ((hh >>> 22) | (hh << 10)))) + ((hh & a) ^ (hh & b) ^ (a & b))) | 0;
    t1 = (f + ((((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7)))) + ((c & d) ^ (~c & e)) + K[i + 2]! + w[i + 2]!) | 0;
    b = (b + t1) | 0;
    f = (t1 + ((((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10)))) + ((g & hh) ^ (g & a) ^ (hh & a))) | 0;
    t1 = (e + ((((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7)))) + ((b & c) ^ (~b & d)) + K[i + 3]! + w[i + 3]!) | 0;
    a = (a + t1) | 0;
    e = (t1 + ((((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10)))) + ((f & g) ^ (f & hh) ^ (g & hh))) | 0;
    t1 = (d + ((((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7)))) + ((a & b) ^ (~a & c)) + K[i + 4]! + w[i + 4]!) | 0;
    hh = (hh + t1) | 0;
    d = (t1 + ((((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10)))) + ((e & f) ^ (e & g) ^ (f & g))) | 0;
    t1 = (c + ((((hh >>> 6) | (hh << 26)) ^ ((hh >>> 11) | (hh << 21)) ^ ((hh >>> 25) | (hh << 7)))) + ((hh & a) ^ (~hh & b)) + K[i + 5]! + w[i + 5]!) | 0;
    g = (g + t1) | 0;
    c = (t1 + ((((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10)))) + ((d & e) ^ (d & f) ^ (e & f))) | 0;
    t1 = (b + ((((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7)))) + ((g & hh) ^ (~g & a)) + K[i + 6]! + w[i + 6]!) | 0;
    f = (f + t1) | 0;
    b = (t1 + ((((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10)))) + ((c & d) ^ (c & e) ^ (d & e))) | 0;
    t1 = (a + ((((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7)))) + ((f & g) ^ (~f & hh)) + K[i + 7]! + w[i + 7]!) | 0;
    e = (e + t1) | 0;
    a = (t1 + ((((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10)))) + ((b & c) ^ (b & d) ^ (c & d))) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + hh) | 0;
}

/** Blocks of the last message a `PrefixMemo` keeps: 16 KB, more than the shared start of any plan request. */
const MEMO_BLOCKS = 256;

/**
 * The blocks of the last message hashed, and the state after each. A message that starts with the
 * same blocks resumes from the state after them instead of compressing them again: comparing a
 * block costs a small fraction of compressing it. Plan requests hashed one after another share
 * their start (model, Style and the look sections), often most of their bytes. The state after a
 * block depends only on the blocks up to it, so the digest is exactly the one without the memo.
 */
class PrefixMemo {
  /** Each block as the 16 words `load` reads. */
  readonly blocks = new Int32Array(16 * MEMO_BLOCKS);
  readonly states = new Int32Array(8 * MEMO_BLOCKS);
  /** How many of `blocks` (from the first) are one message's: the last one's, up to where it was recorded. */
  valid = 0;

  /** Whether the block `load` read is the one remembered at `index`. */
  same(index: number): boolean {
    const blocks = this.blocks;
    const w = W;
    for (let i = 0, j = index * 16; i < 16; i++, j++) if (blocks[j] !== w[i]) return false;
    return true;
  }

  /** Remember the block `load` read (before compressing it: compressing overwrites the schedule) at `index`. */
  remember(index: number): void {
    const blocks = this.blocks;
    const w = W;
    for (let i = 0, j = index * 16; i < 16; i++, j++) blocks[j] = w[i]!;
  }

  /** Remember the state after the block at `index`. */
  record(index: number, h: Int32Array): void {
    const states = this.states;
    for (let k = 0, j = index * 8; k < 8; k++, j++) states[j] = h[k]!;
    this.valid = index + 1;
  }

  resume(index: number, h: Int32Array): void {
    const states = this.states;
    for (let k = 0, j = index * 8; k < 8; k++, j++) h[k] = states[j]!;
  }
}

export interface Sha256Options {
  /**
   * Remember the last message's blocks, for a hasher that takes many messages with a common start
   * (see `PrefixMemo`). Costs a 64-byte comparison or copy per block.
   */
  rememberPrefix?: boolean;
}

/** An incremental SHA-256 of bytes and of strings (as UTF-8, lone surrogates as U+FFFD like TextEncoder). */
export class Sha256 {
  private readonly h = new Int32Array(INIT);
  private readonly buf = new Uint8Array(64);
  private pos = 0;
  /** Bytes hashed so far, not counting `pos`. */
  private done = 0;
  private readonly memo: PrefixMemo | null;
  /** Blocks compressed so far in this message (`MEMO_BLOCKS` once the memo is not to be asked). */
  private blocks = 0;
  /** For `jsonOf`: the states before and after each head, by head. */
  private heads: Map<string, { before: HashState; after: HashState }> | undefined;

  constructor(options: Sha256Options = {}) {
    this.memo = options.rememberPrefix ? new PrefixMemo() : null;
  }

  /** Compress the 64 bytes of `data` at `at`, or resume from the memo when the message so far is the one it remembers. */
  private compress(data: Uint8Array, at: number): void {
    const memo = this.memo;
    if (memo === null || this.blocks >= MEMO_BLOCKS) {
      compress(this.h, data, at);
      this.blocks++;
      return;
    }
    const index = this.blocks++;
    load(data, at);
    // Once a block differs, the memo holds this message's blocks up to it and no further.
    if (index < memo.valid && memo.same(index)) {
      memo.resume(index, this.h);
      return;
    }
    memo.remember(index);
    compressLoaded(this.h);
    memo.record(index, this.h);
  }

  private byte(b: number): void {
    this.buf[this.pos++] = b;
    if (this.pos === 64) {
      this.compress(this.buf, 0);
      this.done += 64;
      this.pos = 0;
    }
  }

  /** One code point, as UTF-8. */
  private codePoint(c: number): void {
    if (c < 0x80) this.byte(c);
    else if (c < 0x800) {
      this.byte(0xc0 | (c >> 6));
      this.byte(0x80 | (c & 63));
    } else if (c < 0x10000) {
      this.byte(0xe0 | (c >> 12));
      this.byte(0x80 | ((c >> 6) & 63));
      this.byte(0x80 | (c & 63));
    } else {
      this.byte(0xf0 | (c >> 18));
      this.byte(0x80 | ((c >> 12) & 63));
      this.byte(0x80 | ((c >> 6) & 63));
      this.byte(0x80 | (c & 63));
    }
  }

  update(data: Uint8Array | string): this {
    if (typeof data === 'string') return this.text(data);
    const buf = this.buf;
    const n = data.length;
    let i = 0;
    while (i < n) {
      if (this.pos === 0 && n - i >= 64) {
        // Whole blocks straight from the input.
        this.compress(data, i);
        this.done += 64;
        i += 64;
        continue;
      }
      const take = Math.min(64 - this.pos, n - i);
      buf.set(data.subarray(i, i + take), this.pos);
      this.pos += take;
      i += take;
      if (this.pos === 64) {
        this.compress(buf, 0);
        this.done += 64;
        this.pos = 0;
      }
    }
    return this;
  }

  /** `s` as UTF-8. */
  text(s: string): this {
    if (s.length >= LONG && encoder) return this.encoded(s);
    const buf = this.buf;
    const n = s.length;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        // The common case, kept inline.
        buf[pos++] = c;
        if (pos === 64) {
          this.compress(buf, 0);
          this.done += 64;
          pos = 0;
        }
        continue;
      }
      this.pos = pos;
      if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          this.codePoint(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
          i++;
        } else this.codePoint(0xfffd);
      } else this.codePoint(c);
      pos = this.pos;
    }
    this.pos = pos;
    return this;
  }

  /** `s` as a JSON string literal, exactly as `JSON.stringify(s)` writes it, as UTF-8. */
  json(s: string): this {
    // A long string is quicker encoded natively. A lone surrogate, which JSON.stringify escapes
    // and UTF-8 cannot hold, is rare enough to leave to JSON.stringify.
    if (s.length >= LONG && encoder) return wellFormed(s) ? this.encodedJson(s, true) : this.encoded(JSON.stringify(s));
    this.byte(34);
    this.escapedChars(s, 0);
    this.byte(34);
    return this;
  }

  /**
   * `json(head + rest)`, for a head that strings hashed one after another share at one place of
   * their messages (the Style and look that a plan's prompts start with). The state after the head
   * is remembered with the state before it: a later message that reaches the head in that state
   * resumes after it. What follows depends only on the state, the bytes waiting in the buffer and
   * the length so far, so the digest is exactly `json(head + rest)`'s; and `head + rest` is never
   * made.
   */
  jsonOf(head: string, rest: string): this {
    // Escaped apart, the two halves of a surrogate pair would be two escapes: the head must be well
    // formed (then it ends in no pair's first half), and a rest escaped natively too.
    if (head.length < LONG || !encoder || (rest.length >= LONG && !wellFormed(rest))) return this.json(head + rest);
    const heads = (this.heads ??= new Map());
    const known = heads.get(head);
    if (known && this.isAt(known.before)) {
      this.restore(known.after);
      // The memo knows nothing of the blocks skipped: it is not asked again in this message.
      this.blocks = MEMO_BLOCKS;
    } else {
      if (!wellFormed(head)) return this.json(head + rest);
      const before = this.state();
      this.encodedJson(head, true, false);
      if (heads.size >= MAX_HEADS) heads.clear();
      heads.set(head, { before, after: this.state() });
    }
    if (rest.length >= LONG) return this.encodedJson(rest, false, true);
    this.escapedChars(rest, 0);
    this.byte(34);
    return this;
  }

  private state(): HashState {
    return { h: this.h.slice(), buf: this.buf.slice(0, this.pos), pos: this.pos, done: this.done };
  }

  private isAt(state: HashState): boolean {
    if (this.pos !== state.pos || this.done !== state.done) return false;
    for (let i = 0; i < 8; i++) if (this.h[i] !== state.h[i]) return false;
    for (let i = 0; i < state.pos; i++) if (this.buf[i] !== state.buf[i]) return false;
    return true;
  }

  private restore(state: HashState): void {
    this.h.set(state.h);
    this.buf.set(state.buf);
    this.pos = state.pos;
    this.done = state.done;
  }

  /** `s` from `from` on, escaped as inside a JSON string literal, as UTF-8. */
  private escapedChars(s: string, from: number): void {
    const buf = this.buf;
    const n = s.length;
    let pos = this.pos;
    for (let i = from; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x80 && c !== 34 && c !== 92) {
        buf[pos++] = c;
        if (pos === 64) {
          this.compress(buf, 0);
          this.done += 64;
          pos = 0;
        }
        continue;
      }
      this.pos = pos;
      if (c === 34 || c === 92) {
        this.byte(92);
        this.byte(c);
      } else if (c < 0x20) {
        this.byte(92);
        const short = shortEscape(c);
        if (short) this.byte(short);
        else this.escape(c);
      } else if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          this.codePoint(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
          i++;
        } else {
          // A lone surrogate: JSON.stringify writes it as an escape.
          this.byte(92);
          this.escape(c);
        }
      } else this.codePoint(c);
      pos = this.pos;
    }
    this.pos = pos;
  }

  /**
   * A well-formed long string as a JSON string literal (with its closing quote unless `close` is
   * false, its opening one when `open`): encoded to UTF-8 natively, then escaped
   * byte by byte into a scratch buffer (no byte of a multi-byte sequence needs escaping) and
   * compressed from there. JSON.stringify of a string with characters beyond Latin-1, as every
   * prompt has ('—'), cost more than both.
   */
  private encodedJson(s: string, open: boolean, close = true): this {
    if (raw.length < s.length * 3) raw = new Uint8Array(Math.max(s.length * 3, raw.length * 2));
    const { written } = encoder!.encodeInto(s, raw);
    // Escaped, a byte takes at most six ("\u001f").
    const need = this.pos + 2 + written * 6;
    if (scratch.length < need) scratch = new Uint8Array(Math.max(need, scratch.length * 2));
    const out = scratch;
    out.set(this.buf.subarray(0, this.pos));
    let o = this.pos;
    if (open) out[o++] = 34;
    for (let i = 0; i < written; i++) {
      const b = raw[i]!;
      if (b >= 0x20 && b !== 34 && b !== 92) {
        out[o++] = b;
        continue;
      }
      out[o++] = 92;
      const short = b === 34 || b === 92 ? b : shortEscape(b);
      if (short) out[o++] = short;
      else {
        out[o++] = 117;
        out[o++] = 48;
        out[o++] = 48;
        out[o++] = HEX.charCodeAt(b >> 4);
        out[o++] = HEX.charCodeAt(b & 15);
      }
    }
    if (close) out[o++] = 34;
    return this.absorb(out, o);
  }

  /** A long string, encoded natively into a scratch buffer and compressed from there. */
  private encoded(s: string): this {
    const need = this.pos + s.length * 3;
    if (scratch.length < need) scratch = new Uint8Array(Math.max(need, scratch.length * 2));
    scratch.set(this.buf.subarray(0, this.pos));
    const { written } = encoder!.encodeInto(s, scratch.subarray(this.pos));
    return this.absorb(scratch, this.pos + written);
  }

  /** Take `out[0, total)` (the waiting bytes first, then what follows them): its whole blocks compressed, the rest left waiting. */
  private absorb(out: Uint8Array, total: number): this {
    let at = 0;
    for (; at + 64 <= total; at += 64) this.compress(out, at);
    this.done += at;
    this.buf.set(out.subarray(at, total));
    this.pos = total - at;
    return this;
  }

  /** `uXXXX` (lower-case hex), after the backslash. */
  private escape(c: number): void {
    this.byte(117);
    for (let shift = 12; shift >= 0; shift -= 4) this.byte(HEX.charCodeAt((c >> shift) & 15));
  }

  /** The digest as lower-case hex. The hasher is finished after this (`reset` starts it again). */
  hex(): string {
    const bits = (this.done + this.pos) * 8;
    this.byte(0x80);
    while (this.pos !== 56) this.byte(0);
    const hi = Math.floor(bits / 0x100000000);
    const lo = bits >>> 0;
    this.byte((hi >>> 24) & 255);
    this.byte((hi >>> 16) & 255);
    this.byte((hi >>> 8) & 255);
    this.byte(hi & 255);
    this.byte(lo >>> 24);
    this.byte((lo >>> 16) & 255);
    this.byte((lo >>> 8) & 255);
    this.byte(lo & 255);
    const digits = DIGITS;
    for (let i = 0; i < 8; i++) {
      const x = this.h[i]!;
      for (let k = 0; k < 8; k++) digits[i * 8 + k] = HEX.charCodeAt((x >>> (28 - 4 * k)) & 15);
    }
    return String.fromCharCode.apply(null, digits);
  }

  /** Start a new hash. */
  reset(): this {
    this.h.set(INIT);
    this.pos = 0;
    this.done = 0;
    this.blocks = 0;
    return this;
  }
}

/** The 64 hex digits of a digest, as char codes (one string is made from them). */
const DIGITS: number[] = new Array<number>(64).fill(0);

/** The letter of a control character's two-character JSON escape (\b \t \n \f \r), or 0 for the `\u00XX` form. */
function shortEscape(c: number): number {
  return c === 8 ? 98 : c === 9 ? 116 : c === 10 ? 110 : c === 12 ? 102 : c === 13 ? 114 : 0;
}

/** Heads `jsonOf` remembers: the looks of a storyboard, and some. */
const MAX_HEADS = 64;

/** What decides the digest from a point of a message on: the state, the bytes waiting and the length so far. */
interface HashState {
  readonly h: Int32Array;
  readonly buf: Uint8Array;
  readonly pos: number;
  readonly done: number;
}

export function sha256(data: Uint8Array | string): string {
  return new Sha256().update(data).hex();
}
