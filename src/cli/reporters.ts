/**
 * Machine-readable diagnostic formats for `shotc lint --format`: JSON (the diagnostic records),
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, and GitHub Actions workflow
 * commands (annotations on the pull request).
 */
import { readFile } from '../node/fs.js';
import * as path from 'node:path';
import { allEntries, type DiagnosticRecord, type RangeRecord, type Severity } from '../core/diagnostics/index.js';
import { diagnosticDocs, packageRoot } from '../node/docs.js';

export interface ReporterContext {
  /** Paths in the output are relative to this directory. */
  cwd: string;
}

export type Reporter = (records: readonly DiagnosticRecord[], context: ReporterContext) => string | Promise<string>;

export const reporters: Record<string, Reporter> = {
  pretty: () => '',
  json: (records) => JSON.stringify(records, null, 2) + '\n',
  sarif: async (records, context) => JSON.stringify(await sarif(records, context), null, 2) + '\n',
  github: (records, context) => records.map((r) => githubAnnotation(r, context)).join(''),
};

// ── SARIF 2.1.0 ─────────────────────────────────────────────────────────────────────────────

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';

/** A file name as a URI relative to the source root ("scenes/a b.shot" → "scenes/a%20b.shot"). */
export function relativeUri(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return rel.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
}

function region(r: RangeRecord): Record<string, number> {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

function location(file: string, range: RangeRecord, cwd: string): object {
  return { physicalLocation: { artifactLocation: { uri: relativeUri(file, cwd), uriBaseId: SRCROOT }, region: region(range) } };
}

/** Plain text of a markdown doc for `help.text` (SARIF viewers that do not render markdown). */
function plain(md: string): string {
  return md
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

export async function sarif(records: readonly DiagnosticRecord[], { cwd }: ReporterContext): Promise<object> {
  const docs = await diagnosticDocs();
  const entries = allEntries();
  const index = new Map(entries.map((e, i) => [e.rule, i]));
  const version = await shotcVersion();
  const rules = entries.map((e) => {
    const doc = docs.get(e.code);
    return {
      id: e.rule,
      name: e.code,
      shortDescription: { text: e.summary },
      fullDescription: { text: e.summary },
      ...(doc ? { help: { text: plain(doc), markdown: doc } } : { help: { text: `${e.summary} Run \`shotc explain ${e.code}\` for details.` } }),
      defaultConfiguration: { level: LEVEL[e.severity] },
      properties: { code: e.code },
    };
  });
  const results = records.map((r) => {
    const result: Record<string, unknown> = {
      ruleId: r.rule,
      ...(index.has(r.rule) ? { ruleIndex: index.get(r.rule) } : {}),
      level: LEVEL[r.severity],
      message: { text: r.message },
      locations: [location(r.file, r.range, cwd)],
      properties: { code: r.code },
    };
    if (r.related?.length) {
      result['relatedLocations'] = r.related.map((rel, id) => ({ id, ...location(rel.file, rel.range, cwd), message: { text: rel.message } }));
    }
    if (r.fixes?.length) {
      result['fixes'] = r.fixes.map((f) => ({
        description: { text: f.safe ? f.title : `${f.title} (suggestion; review before applying)` },
        artifactChanges: [
          {
            artifactLocation: { uri: relativeUri(r.file, cwd), uriBaseId: SRCROOT },
            replacements: f.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
          },
        ],
      }));
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'shotc', informationUri: 'https://www.npmjs.com/package/shotc', version, semanticVersion: version, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: `file://${encodeURI(cwd.split(path.sep).join('/').replace(/\/?$/, '/'))}` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

async function shotcVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

// ── GitHub Actions workflow commands ────────────────────────────────────────────────────────

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's message, as @actions/core does. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command property value (also `:` and `,`, which separate properties). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotation(r: DiagnosticRecord, { cwd }: ReporterContext): string {
  const file = (path.isAbsolute(r.file) ? path.relative(cwd, r.file) : r.file).split(path.sep).join('/');
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${r.range.start.line}`,
    `col=${r.range.start.column}`,
    `endLine=${r.range.end.line}`,
    `endColumn=${r.range.end.column}`,
    `title=${escapeProperty(`${r.code} ${r.rule}`)}`,
  ];
  return `::${COMMAND[r.severity]} ${props.join(',')}::${escapeData(r.message)}\n`;
}
