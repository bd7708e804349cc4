import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { stableSha256, stableStringify } from '../../src/core/util/json.js';
import { sha256, Sha256 } from '../../src/core/util/sha256.js';
import { nodeHost } from '../../src/node/host.js';

/** Plan hashes are render cache keys: a change to how they are computed re-renders every clip. */
const PINNED: Record<string, string[]> = {
  "concise-shot-list.shot": ["first-loaf 8e70b5a54ec9e56c"],
  "dialogue.shot": ["break 8070ae97381a0725"],
  "extension.shot": ["climb 5ff0acc927f20e4d", "climb-top 5f30968c6c4ea4d8"],
  "kitchen-sink.shot": ["arrival f017d311e812e49f", "arrival-dusk 944c629fc1ca9927", "arrival-more b9df2d2c5e101f74", "cleanup 3633bde69fa9917e", "doctor 89aa177caf3a22fd", "archive ad1a5ec42fbd3ad0"],
  "platform.shot": ["arrival c4d7ad8673e97ec9", "arrival-dusk baed37edeb81dda4"],
  "production-brief.shot": ["crossing a38acb6405103796"],
  "reference-frames.shot": ["test-card a745700403064b8b", "dusk 4e20f45c14c34bce", "sea af3593c4ffe061f2"],
  "remix.shot": ["market 01dc5fe93231dcee", "market-rain e01b79df7cdaadd7", "market-blue 892f61a3461c51f8"],
  "three-clips.shot": ["waiting 2ea57f9dbd2fa9b0", "meeting 0905c9e47554a970", "last-tram b9957a350b06033e"],
  "vertical-social.shot": ["basil 1cd49369f2a9f6f8"],
  "broken/front-matter.shot": ["arrival fb69b833dc750a6a"],
  "broken/limits.shot": ["ten-seconds c80c90b868e1f3d3", "too-wide 95dda5ed373abf89", "new-model 347c8013e9098b51", "ferry-dusk 1490f52db5c95a37"],
  "broken/references.shot": ["missing fb69b833dc750a6a", "outside fb69b833dc750a6a", "gif fb69b833dc750a6a", "small 829b926a48e3c9b0", "night 2fb62e73cc8127e5", "loop e0e08f29e39a917f", "early e0e08f29e39a917f", "later faddc669cb3f43b3"],
  "broken/settings.shot": ["arrival 14adbfd721a8e660"],
  "broken/syntax.shot": ["arrival d0b10e0257b365da", "departure 9436097dcdf2c39f"],
  "broken/timing.shot": ["overlap ced4af862eee7154", "gap 3f971006198ce728", "short 5c8dc52232d49136"],
};

describe('plan hashes', () => {
  it('are unchanged for every example (name and the first 16 hex digits)', async () => {
    for (const [file, expected] of Object.entries(PINNED)) {
      const r = await compile(readFileSync(`examples/${file}`, 'utf8'), { filename: `examples/${file}`, host: nodeHost(process.cwd()) });
      expect(r.plan.clips.map((c) => `${c.name} ${c.hash.slice(7, 23)}`), file).toEqual(expected);
    }
  });
});

describe('sha256', () => {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const odd = ['"', '\\', '\n', '\t', '\b', '\f', '\r', '\u0000', '\u001f', '\u007f', 'é', '—', '°', '\u2028', '\ud83d\ude00', '\ud800', '\udc00', '\uffff', '\u0800', '\u07ff'];
  const text = (): string => {
    let s = '';
    const n = Math.floor(rnd() * 300);
    for (let i = 0; i < n; i++) s += rnd() < 0.7 ? String.fromCharCode(32 + Math.floor(rnd() * 95)) : odd[Math.floor(rnd() * odd.length)]!;
    return s;
  };
  const node = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

  it('matches node:crypto on strings (UTF-8, lone surrogates as U+FFFD), bytes and every length around a block', () => {
    for (let i = 0; i < 2000; i++) {
      const s = text();
      expect(sha256(s)).toBe(node(s));
      const bytes = new TextEncoder().encode(s);
      expect(sha256(bytes)).toBe(node(bytes));
      const h = new Sha256();
      for (let at = 0; at < bytes.length; at += 37) h.update(bytes.subarray(at, at + 37));
      expect(h.hex()).toBe(node(bytes));
    }
    for (let n = 0; n < 700; n += n < 100 ? 1 : 7) {
      expect(sha256('é'.repeat(n))).toBe(node('é'.repeat(n)));
      const parts = [text(), 'x'.repeat(n), text() + text() + text()];
      const h = new Sha256();
      for (const p of parts) h.text(p);
      expect(h.hex()).toBe(node(parts.join('')));
    }
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same digests when it remembers the last message (shared starts, shorter and abandoned messages)', () => {
    const memo = new Sha256({ rememberPrefix: true });
    const base = 'x'.repeat(64 * 3) + text() + text();
    const messages: string[] = [];
    for (let i = 0; i < 400; i++) {
      // Starts shared up to, at or across a block boundary, whole repeats, and strangers.
      const cut = Math.floor(rnd() * base.length);
      const pick = rnd();
      messages.push(pick < 0.4 ? base.slice(0, cut) + text() : pick < 0.6 ? base : pick < 0.7 ? base.slice(0, 64 * Math.floor(rnd() * 5)) : text() + base);
    }
    for (const m of messages) {
      expect(memo.reset().text(m).hex(), JSON.stringify(m.slice(0, 40))).toBe(node(m));
      // A message left unfinished must not leave the memo claiming blocks it never recorded.
      if (rnd() < 0.2) memo.reset().text(text() + base.slice(0, Math.floor(rnd() * base.length)));
    }
    // A message that diverged and stopped early leaves only its own blocks to resume from: the
    // blocks after them are an older message's, which this one never had before them.
    const block = (c: string): string => c.repeat(64);
    memo.reset().text(block('a') + block('b') + block('c') + block('d') + block('e')).hex();
    memo.reset().text(block('a') + block('x') + block('y'));
    const third = block('a') + block('x') + block('y') + block('d') + 'tail';
    expect(memo.reset().text(third).hex()).toBe(node(third));
    // Through every way in: bytes, short and long strings, JSON strings.
    for (let i = 0; i < 200; i++) {
      const a = base.slice(0, Math.floor(rnd() * base.length));
      const b = text();
      const bytes = new TextEncoder().encode(a + b);
      expect(memo.reset().update(bytes).hex()).toBe(node(bytes));
      // Each string is encoded on its own (a surrogate pair split between them is two U+FFFD).
      expect(memo.reset().text(a).text(b).hex()).toBe(node(Buffer.concat([new TextEncoder().encode(a), new TextEncoder().encode(b)])));
      expect(memo.reset().json(a + b).hex()).toBe(node(JSON.stringify(a + b)));
    }
  });

  it('gives the same digests for a string given as a shared head and the rest, resumed after the head or not', () => {
    const memo = new Sha256({ rememberPrefix: true });
    // Lone surrogates replaced (String.prototype.toWellFormed, which the library types lack).
    const whole = (t: string): string => t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
    const long = (): string => 'x'.repeat(256) + text();
    // Heads resumed after (well formed, long), and heads that must not be: one ends a surrogate
    // pair's first half, one holds a lone surrogate, one is short.
    const heads = [whole(long()), 'é—'.repeat(150) + whole(text()), `${'y'.repeat(300)}\ud83d`, `${'z'.repeat(300)}\udc00${text()}`, 'short head'];
    const prefixes = ['{"request":{"body":{"prompt":', '{"a":', '', text()];
    for (let i = 0; i < 1000; i++) {
      const head = heads[Math.floor(rnd() * (i < 500 ? 2 : heads.length))]!;
      const prefix = prefixes[Math.floor(rnd() * prefixes.length)]!;
      const pick = rnd();
      // Rests short and long, well formed or not, one that completes a surrogate pair, and none.
      const rest = pick < 0.3 ? text() : pick < 0.5 ? whole(long()) : pick < 0.7 ? long() : pick < 0.85 ? `\ude00${text()}` : '';
      const s = head + rest;
      expect(memo.reset().text(prefix).jsonOf(head, rest).hex(), JSON.stringify(s.slice(0, 20))).toBe(node(prefix + JSON.stringify(s)));
      const value = { request: { body: { model: 'm', prompt: s } }, target: 't' };
      expect(stableSha256(value, { whole: s, head, rest })).toBe(node(stableStringify(value)));
    }
    // Resumed after a head, a message's blocks are not where the memo would look for them: a later
    // message must not resume from one of them.
    const head = 'x'.repeat(640);
    const rest = 'x'.repeat(640) + '!';
    memo.reset().jsonOf(head, rest).hex();
    expect(memo.reset().jsonOf(head, rest).hex()).toBe(node(JSON.stringify(head + rest)));
    const plain = 'x'.repeat(64) + '!';
    expect(memo.reset().text(plain).hex()).toBe(node(plain));
  });

  it('gives the same digests where strings have no isWellFormed (browsers before 2023)', () => {
    const proto = String.prototype as { isWellFormed?: unknown };
    const own = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed');
    delete proto.isWellFormed;
    try {
      for (const s of ['x'.repeat(300) + '\ud800', 'x'.repeat(300) + '\ud800y', 'x'.repeat(300) + '\udc00y', 'x'.repeat(300) + '\ud83d\ude00', 'é'.repeat(300), `${'x'.repeat(299)}\ud83d`]) {
        expect(new Sha256().json(s).hex(), JSON.stringify(s.slice(-3))).toBe(node(JSON.stringify(s)));
      }
    } finally {
      if (own) Object.defineProperty(String.prototype, 'isWellFormed', own);
    }
  });

  it('hashes request-shaped and odd values as their stable JSON', () => {
    for (let i = 0; i < 300; i++) {
      const body = { model: text().slice(0, 8), prompt: text().repeat(1 + (i % 4)), seconds: String(i % 12), size: '1280x720' };
      const sorted = { a: [1, -0, 2.5e-7, 1e21, 'x', null, true, { b: undefined, c: [] }], body, images: i % 3 ? undefined : [{ role: 'first', sha256: text() }] };
      expect(stableSha256(body)).toBe(node(stableStringify(body)));
      expect(stableSha256(sorted)).toBe(node(stableStringify(sorted)));
      expect(stableSha256({ request: { method: 'POST', path: '/videos', body }, model: 'm' })).toBe(node(stableStringify({ request: { method: 'POST', path: '/videos', body }, model: 'm' })));
    }
    const odd: unknown[] = [
      { 10: 'a', 9: 'b' },
      { a: new Date(0), b: 1 },
      { a: () => 1, b: 2 },
      { a: [1, undefined, 3] },
      { a: NaN, b: Infinity },
      Object.assign(Object.create(null) as object, { a: 1, b: { c: 2 } }),
      { a: Object.assign(Object.create({ inherited: 1 }) as object, { z: 1 }) },
      [{ b: 1, a: 2 }, { a: 1 }],
    ];
    for (const v of odd) expect(stableSha256(v), stableStringify(v)).toBe(node(stableStringify(v)));
  });

  it('hashes a value as its stable JSON without building it', () => {
    for (let i = 0; i < 500; i++) {
      const many = Object.fromEntries(Array.from({ length: i % 40 }, () => [text().slice(0, 4), text().slice(0, 9)]));
      const value = { b: text(), a: [text(), 1.5, null, true, { z: text(), y: undefined, [text()]: -0 }], c: { d: text() }, many };
      expect(stableSha256(value)).toBe(node(stableStringify(value)));
      expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
    }
  });
});
