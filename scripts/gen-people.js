#!/usr/bin/env node
/**
 * Builds src/core/lint/guardrails/people.data.ts, the real-person gazetteer the
 * `guardrail/real-person` rule loads, from data/public-figures/pantheon-1.0.tsv (unmodified
 * Pantheon 1.0) and data/public-figures/additions.tsv (people famous since 2013, aliases,
 * overrides). Run `node scripts/gen-people.js` after editing either file; a test checks that the
 * generated module still matches them.
 *
 * Each entry says how a one-word form may match: `n` (a distinctive name, e.g. Zendaya, Messi)
 * or `c` (also an English word or a common first name, e.g. Drake, Prince, Madonna: only with a
 * cue such as "the singer"). Multi-word names are `m`. The English word list and compromise's
 * first-name lexicon decide, unless additions.tsv says `name` or `context`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const english = new Set(require('an-array-of-english-words'));
const nlp = (await import('compromise')).default;
const lexicon = nlp.model().one.lexicon;

export const OUT = path.join(ROOT, 'src/core/lint/guardrails/people.data.ts');

export function readTsv(file) {
  const [head, ...rows] = readFileSync(path.join(ROOT, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const cols = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v ?? ''])));
}

const norm = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
/** The same words as src/core/lint/guardrails/text.ts `words()`, normalised, joined by spaces. */
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const tokens = (s) => [...s.matchAll(WORD)].map((m) => norm(m[0].replace(/['’]s$/i, ''))).join(' ');

/** Forms people type for a Wikipedia title: "Louis XIV of France" → "Louis XIV"; "X, Jr." → "X". */
function derivedAliases(name) {
  const out = [];
  const regnal = /^(.+? [IVXL]+)(?:,| of )/.exec(name);
  if (regnal) out.push(regnal[1]);
  const comma = /^([^,]+), (?:Jr\.|Sr\.)$/.exec(name);
  if (comma) out.push(comma[1]);
  const titled = /^([^,]+ [^,]+), /.exec(name);
  if (titled && !regnal) out.push(titled[1]);
  return out;
}

function flagFor(form, override) {
  if (form.trim().split(/\s+/).length > 1) return 'm';
  if (override === 'name') return 'n';
  if (override === 'context') return 'c';
  const w = norm(form);
  const tag = lexicon[w];
  const firstName = tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName';
  return english.has(w) || firstName ? 'c' : 'n';
}

export function build() {
  const pantheon = readTsv('data/public-figures/pantheon-1.0.tsv');
  const additions = readTsv('data/public-figures/additions.tsv');
  /** display name → { occupation, forms: Map<form, flag> } */
  const people = new Map();
  const add = (name, occupation, forms, override) => {
    let p = people.get(name);
    if (!p) {
      p = { occupation, forms: new Map() };
      people.set(name, p);
    }
    if (occupation && !p.occupation) p.occupation = occupation;
    for (const f of forms) {
      const form = f.trim();
      if (!form) continue;
      p.forms.set(form, flagFor(form, override));
    }
  };
  for (const r of pantheon) add(r.name, r.occupation, [r.name, ...derivedAliases(r.name)], '');
  for (const r of additions) add(r.name, r.occupation, [r.name, ...(r.aliases ? r.aliases.split('|') : [])], r.match);
  const occupations = [...new Set([...people.values()].map((p) => p.occupation || 'PUBLIC FIGURE'))].sort();
  const lines = [...people.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, p]) => [name, occupations.indexOf(p.occupation || 'PUBLIC FIGURE'), ...new Set([...p.forms].map(([f, flag]) => `${flag}${tokens(f)}`))].join('\t'));
  return { occupations, lines };
}

/**
 * The lookup table `people.ts` searches: one line per first word, sorted by that word (UTF-16
 * code units, as JavaScript compares strings), then its forms longest first (ties in data order),
 * each as flag, the offset of the person's line in PEOPLE, and the form's other words.
 */
export function formsIndex(people) {
  const byFirst = new Map();
  let offset = 0;
  for (const line of people) {
    const cols = line.split('\t');
    for (let i = 2; i < cols.length; i++) {
      const tokens = cols[i].slice(1).split(' ');
      if (!tokens[0]) continue;
      const list = byFirst.get(tokens[0]) ?? [];
      list.push({ tokens, entry: [`${cols[i][0]}${offset}`, ...tokens.slice(1)].join(' ') });
      byFirst.set(tokens[0], list);
    }
    offset += `${cols[0]}\t${cols[1]}\n`.length;
  }
  return [...byFirst.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((first) => [first, ...byFirst.get(first).sort((a, b) => b.tokens.length - a.tokens.length).map((f) => f.entry)].join('\t'));
}

/** The generated module's text. */
export function render() {
  const { occupations, lines } = build();
  return {
    lines,
    text: `/**
 * GENERATED by scripts/gen-people.js from data/public-figures/pantheon-1.0.tsv and
 * data/public-figures/additions.tsv: do not edit. Derived from Pantheon 1.0 (Yu et al. 2016,
 * https://pantheon.world), licensed CC BY-SA 4.0; see NOTICE.md.
 *
 * PEOPLE: one person per line, display name and occupation index. FORMS: the words that name
 * them, normalised (lower case, no accents), one line per first word, sorted by it so that a
 * lookup is a binary search of the string (nothing is built at start): the first word, then each
 * form longest first as its flag (n: distinctive one-word name, c: one word that needs a cue, m:
 * several words), the offset of the person's line in PEOPLE, and the form's other words.
 */
export const OCCUPATIONS: readonly string[] = ${JSON.stringify(occupations)};

export const PEOPLE = ${JSON.stringify(lines.map((l) => l.split('\t').slice(0, 2).join('\t') + '\n').join(''))};

export const FORMS = ${JSON.stringify(formsIndex(lines).join('\n'))};
`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { lines, text } = render();
  writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(ROOT, OUT)}: ${lines.length} people, ${lines.reduce((n, l) => n + l.split('\t').length - 2, 0)} forms, ${(text.length / 1024).toFixed(0)} KB`);
}
