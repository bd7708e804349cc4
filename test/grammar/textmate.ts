/**
 * Tokenize `.shot` text with the real TextMate engine VS Code uses (vscode-textmate over the
 * Oniguruma WebAssembly build), loading `grammar/shot.tmLanguage.json` as shipped. The YAML
 * grammar for front matter comes from tm-grammars, the one VS Code's YAML grammar is built from.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import oniguruma from 'vscode-oniguruma';
import vsctm, { type IGrammar, type IRawGrammar, type IRawTheme, type StateStack } from 'vscode-textmate';
import { ROOT } from '../helpers/cli.js';

export const GRAMMAR_PATH = path.join(ROOT, 'grammar', 'shot.tmLanguage.json');

let wasmLoaded: Promise<void> | undefined;

function onigLib(): Promise<vsctm.IOnigLib> {
  wasmLoaded ??= (() => {
    const wasm = readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    return oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  })();
  return wasmLoaded.then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
}

function readGrammar(file: string): IRawGrammar {
  return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
}

export interface GrammarOptions {
  /** Embed the real YAML grammar in front matter (default true). */
  yaml?: boolean;
  theme?: IRawTheme;
}

export interface LoadedGrammar {
  grammar: IGrammar;
  registry: vsctm.Registry;
}

export async function loadShotGrammar(options: GrammarOptions = {}): Promise<LoadedGrammar> {
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    ...(options.theme ? { theme: options.theme } : {}),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.shot') return readGrammar(GRAMMAR_PATH);
      if (scopeName === 'source.yaml' && options.yaml !== false) {
        return readGrammar(path.join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'yaml.json'));
      }
      return null;
    },
  });
  const grammar = await registry.loadGrammar('source.shot');
  if (!grammar) throw new Error('source.shot did not load');
  return { grammar, registry };
}

export interface Token {
  /** 0-based line and UTF-16 columns, as editors count them. */
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

/** Lines as SourceFile splits them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Every token of every line, in order. */
export function tokenize(grammar: IGrammar, text: string): Token[][] {
  let stack: StateStack = vsctm.INITIAL;
  return splitLines(text).map((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, stack);
    stack = result.ruleStack;
    return result.tokens
      .filter((t) => t.endIndex > t.startIndex)
      .map((t) => ({ line, start: t.startIndex, end: Math.min(t.endIndex, lineText.length), text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/**
 * The scopes of `needle` (its `occurrence`-th appearance in `text`), which must be scoped as one
 * piece: tokens that start exactly at it, end exactly at its end and share one scope list. A test
 * that asks for `8s` fails if the grammar scopes only part of it or glues it to its neighbours.
 */
export function scopesOf(lines: Token[][], text: string, needle: string, occurrence = 0): string[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const before = text.slice(0, at);
  const line = splitLines(before).length - 1;
  const column = at - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1;
  const end = column + needle.length;
  const covering = (lines[line] ?? []).filter((t) => t.end > column && t.start < end);
  const first = covering[0];
  const last = covering[covering.length - 1];
  if (!first || !last) throw new Error(`no token at "${needle}"`);
  const same = covering.every((t) => t.scopes.join(' ') === first.scopes.join(' '));
  if (first.start !== column || last.end !== end || !same) {
    const found = covering.map((t) => `"${t.text}" (${t.scopes.join(' ')})`).join(', ');
    throw new Error(`"${needle}" is not scoped as one piece: ${found}`);
  }
  return first.scopes;
}

/** The scopes of the first non-blank token of each line (undefined for blank lines). */
export function firstTokenScopes(lines: Token[][]): (string[] | undefined)[] {
  return lines.map((tokens) => {
    for (const t of tokens) {
      const lead = t.text.length - t.text.trimStart().length;
      if (lead < t.text.length) return t.scopes;
    }
    return undefined;
  });
}
