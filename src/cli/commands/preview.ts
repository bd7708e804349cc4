/**
 * `shotc preview FILE`: the storyboard as one self-contained HTML file. This module does the file
 * work (the source, reference images, the render journal and the media in `out/`); the page
 * itself is the pure `renderStoryboard` in `src/preview/`.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CompileResult } from '../../core/compile.js';
import { nodeHost, toPosix, isMissing } from '../../node/host.js';
import { writeFileAtomic } from '../../node/atomic.js';
import { dataUri, loadReferences, renderStoryboard, type RenderAssets, type RenderedClip } from '../../preview/index.js';
import { JournalSchema, journalName, stem, type JobEntry, type Journal } from '../../render/journal.js';
import { parse, UsageError, type CommandSpec } from '../args.js';
import { IoError, withIo } from '../files.js';
import { printHelp, VERSION, type Command } from '../main.js';
import { stderr, stdout } from '../output.js';
import { exitCodeFor, printPretty, printSummary } from '../report.js';
import { compileOne } from './compile.js';

const spec: CommandSpec = {
  name: 'preview',
  summary: 'Write the storyboard: a self-contained HTML page of the sequence.',
  usage: 'shotc preview FILE [--out FILE.html] [--open]',
  description:
    'The page shows the timeline (clips, shots, remix/extend/edit links, running time and cost) and, per clip,\n' +
    'its model, size, seconds, cost, reference frame, the full prompt with the parts from the look, the cast\n' +
    'and the clip marked, and its diagnostics. After `shotc render` it also shows each clip\'s thumbnail,\n' +
    'spritesheet and video, and the stitched film (videos are linked by relative path, not inlined: keep the\n' +
    'page beside its folder). It needs no network and prints as a storyboard sheet, one clip per page.\n' +
    'Exits 1 when the file has errors (the page is written anyway, with the errors on it).',
  options: {
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Where to write the page (`-` for standard output). [default: <name>.storyboard.html next to FILE]' },
    'render-dir': { type: 'string', value: 'DIR', description: 'Show the rendered media found in DIR. [default: the render journal in .shotc/, else out/ next to FILE]' },
    open: { type: 'boolean', description: 'Open the page in the default browser (xdg-open, open or start).' },
    quiet: { type: 'boolean', short: 'q', description: 'Print only errors on standard error.' },
  },
  examples: ['shotc preview examples/platform.shot', 'shotc preview scene.shot --out boards/scene.html --open', 'shotc preview scene.shot -o - > scene.html'],
  minArgs: 1,
  maxArgs: 1,
};

interface Options {
  out?: string;
  'render-dir'?: string;
  open?: boolean;
  quiet?: boolean;
}

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<Options>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const { options: o, args } = parsed;
    const file = args[0]!;
    if (file === '-') throw new UsageError('preview needs a file (reference images and renders are found next to it), not standard input');
    const toStdout = o.out === '-';
    if (toStdout && o.open) throw new UsageError('--open needs a file to open; drop `--out -`');
    const out = o.out && !toStdout ? o.out : path.join(path.dirname(file), `${stem(file)}.storyboard.html`);
    if (!toStdout && (/\.shot$/i.test(out) || path.resolve(out) === path.resolve(file))) {
      throw new UsageError(`--out ${out} would overwrite a .shot source; give an .html file`);
    }
    return withIo('preview', async () => {
      const result = await compileOne(file, {});
      const records = result.plan.diagnostics;
      const shown = o.quiet ? records.filter((r) => r.severity === 'error') : records;
      printPretty(shown, result.sources);
      if (shown.length) printSummary(shown, 1);
      const pageDir = toStdout ? process.cwd() : path.dirname(path.resolve(out));
      const render = await findRender(file, result, pageDir, o['render-dir']);
      const references = await loadReferences(result, nodeHost());
      const html = renderStoryboard({ plan: result.plan, resolved: result.resolved, assets: { references, render }, generator: `shotc ${VERSION}` });
      if (toStdout) {
        stdout(html);
      } else {
        await writeFileAtomic(out, html).catch((e: unknown) => {
          throw new IoError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
        });
        stdout(`wrote ${out}${render ? ` (with the renders from ${render.from === 'journal' ? 'the journal' : path.relative(process.cwd(), path.resolve(pageDir, render.dir)) || '.'})` : ''}\n`);
        if (o.open) await openInBrowser(out);
      }
      return exitCodeFor(records, undefined);
    });
  },
};

/** The rendered media: from the render journal when there is one, else from the files in `out/`. */
async function findRender(file: string, result: CompileResult, pageDir: string, renderDir: string | undefined): Promise<RenderAssets | null> {
  const shotDir = path.dirname(path.resolve(file));
  const journal = renderDir === undefined ? await readJournal(path.join(shotDir, journalName(file))) : null;
  if (journal) return fromJournal(journal, result, shotDir, pageDir);
  const dir = path.resolve(renderDir ?? path.join(shotDir, 'out'));
  return fromFiles(file, dir, result, pageDir);
}

async function readJournal(p: string): Promise<Journal | null> {
  let text: string;
  try {
    text = await fs.readFile(p, 'utf8');
  } catch (e) {
    if (isMissing(e)) return null;
    throw new IoError(`cannot read the render journal ${p}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = JournalSchema.safeParse(json);
  if (!parsed.success) {
    // A damaged journal should not cost the user their storyboard: say so and use the files.
    stderr(`shotc preview: ignoring ${p}: it is not a render journal this version of shotc reads\n`);
    return null;
  }
  return parsed.data;
}

async function fromJournal(journal: Journal, result: CompileResult, shotDir: string, pageDir: string): Promise<RenderAssets> {
  const entries = Object.entries(journal.jobs);
  const clips: Record<string, RenderedClip> = {};
  for (const c of result.plan.clips) {
    let entry: JobEntry | undefined = journal.jobs[c.hash];
    const stale = !entry;
    // The clip changed since its render: show the newest render of it, marked as out of date.
    if (!entry) entry = entries.filter(([, e]) => e.clip === c.name && e.status === 'completed').sort(([, a], [, b]) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))[0]?.[1];
    if (!entry) continue;
    const fileOf = async (variant: string): Promise<string | null> => {
      const f = entry!.files.find((x) => x.variant === variant);
      if (!f) return null;
      const abs = path.resolve(shotDir, f.path);
      return (await exists(abs)) ? abs : null;
    };
    const [video, thumbnail, spritesheet] = await Promise.all([fileOf('video'), fileOf('thumbnail'), fileOf('spritesheet')]);
    clips[c.name] = {
      video: video ? url(pageDir, video) : null,
      thumbnail: thumbnail ? await inline(thumbnail) : null,
      spritesheet: spritesheet ? await inline(spritesheet) : null,
      status: entry.status,
      ...(entry.error ? { error: `${entry.error.code}: ${entry.error.message}` } : {}),
      ...(stale ? { stale: true } : {}),
    };
  }
  const film = journal.film ? path.resolve(shotDir, journal.film.path) : null;
  const anyFile = film ?? Object.values(journal.jobs).flatMap((e) => e.files.map((f) => path.resolve(shotDir, f.path)))[0];
  const dir = anyFile ? path.dirname(anyFile) : path.join(shotDir, 'out');
  return { from: 'journal', dir: url(pageDir, dir), film: film && (await exists(film)) ? url(pageDir, film) : null, clips };
}

async function fromFiles(file: string, dir: string, result: CompileResult, pageDir: string): Promise<RenderAssets | null> {
  const clips: Record<string, RenderedClip> = {};
  for (const c of result.plan.clips) {
    const video = path.join(dir, `${c.name}.mp4`);
    const thumbnail = path.join(dir, `${c.name}.thumbnail.webp`);
    const spritesheet = path.join(dir, `${c.name}.spritesheet.jpg`);
    const [v, t, s] = await Promise.all([exists(video), exists(thumbnail), exists(spritesheet)]);
    if (v || t || s) clips[c.name] = { video: v ? url(pageDir, video) : null, thumbnail: t ? await inline(thumbnail) : null, spritesheet: s ? await inline(spritesheet) : null };
  }
  const film = path.join(dir, `${stem(file)}.mp4`);
  const hasFilm = await exists(film);
  if (!hasFilm && !Object.keys(clips).length) return null;
  return { from: 'files', dir: url(pageDir, dir), film: hasFilm ? url(pageDir, film) : null, clips };
}

async function exists(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

const IMAGE_TYPES: Record<string, string> = { '.webp': 'image/webp', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

async function inline(p: string): Promise<string> {
  try {
    return dataUri(new Uint8Array(await fs.readFile(p)), IMAGE_TYPES[path.extname(p).toLowerCase()] ?? 'application/octet-stream');
  } catch (e) {
    throw new IoError(`cannot read ${p}: ${(e as Error).message}`);
  }
}

/** A relative URL from the page's directory to a file, each segment escaped. */
function url(pageDir: string, target: string): string {
  return toPosix(path.relative(pageDir, target)).split('/').map(encodeURIComponent).join('/') || '.';
}

/** How long to wait for the opener to fail before trusting it (some block until the browser exits). */
const OPENER_GRACE_MS = 1500;

async function openInBrowser(file: string): Promise<void> {
  const abs = path.resolve(file);
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [abs]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', abs]] : ['xdg-open', [abs]];
  const outcome = await new Promise<string | null>((resolve) => {
    let child;
    try {
      child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore', windowsHide: true });
    } catch (e) {
      resolve((e as Error).message);
      return;
    }
    const timer = setTimeout(() => {
      child.unref();
      resolve(null);
    }, OPENER_GRACE_MS);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === 'ENOENT' ? `${cmd} is not installed` : e.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : `${cmd} exited with code ${code}`);
    });
  });
  if (outcome) stderr(`shotc preview: could not open ${file} (${outcome}); open it in a browser yourself.\n`);
  else stdout(`opened ${file} with ${cmd}\n`);
}
