/**
 * The playground: a `.shot` editor with the compiler running in the page (no server), live
 * diagnostics, completion and hover, and panes for the timeline, the plan and the prompts. The
 * text lives in the URL hash so a sequence can be shared as a link.
 */
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { compile, type CompileResult } from '../../src/index.js';
import { DIAGNOSTICS_CSS, loadReferences, PROMPT_CSS, renderStoryboard, THEME_CSS, TIMELINE_CSS } from '../../src/preview/index.js';
import { assist } from './assist.js';
import type {} from './handle.js';
import { browserHost, examples } from './examples.js';
import { shotLanguage } from './language.js';
import { planPane, problemsPane, promptsPane, timelinePane } from './panes.js';
import { semantic, semanticMarks, setSemantic } from './semantic.js';
import { decodeHash, encodeHash } from './share.js';
import './style.css';

const $ = <T extends HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;

const style = document.createElement('style');
style.textContent = THEME_CSS + TIMELINE_CSS + PROMPT_CSS + DIAGNOSTICS_CSS;
document.head.append(style);

let filename = 'examples/playground.shot';
let latest: CompileResult | null = null;
let generation = 0;
/** Said once, before the first compile's status (e.g. a damaged link). */
let notice = '';

const picker = $<HTMLSelectElement>('#example');
for (const ex of examples) picker.append(new Option(ex.name, ex.name));
picker.append(new Option('(your sequence)', ''));

const status = $<HTMLElement>('#status');

function show(result: CompileResult, ms: number): void {
  latest = result;
  const problems = result.plan.diagnostics;
  const errors = problems.filter((d) => d.severity === 'error').length;
  const warnings = problems.filter((d) => d.severity === 'warning').length;
  status.textContent = `${notice}${errors ? `${errors} error${errors === 1 ? '' : 's'}` : 'no errors'}, ${warnings} warning${warnings === 1 ? '' : 's'} · ${result.plan.clips.length} clip${result.plan.clips.length === 1 ? '' : 's'} · compiled in ${ms.toFixed(0)} ms`;
  status.dataset['errors'] = String(errors);
  notice = '';
  $('#pane-timeline').innerHTML = timelinePane(result);
  $('#pane-plan').innerHTML = planPane(result);
  $('#pane-prompts').innerHTML = promptsPane(result);
  $('#pane-problems').innerHTML = problemsPane(result);
  $('#tab-problems').textContent = problems.length ? `Problems (${problems.length})` : 'Problems';
}

const diagnostics = linter(
  async (view) => {
    const text = view.state.doc.toString();
    const mine = ++generation;
    const t0 = performance.now();
    const result = await compile(text, { filename, host: browserHost, config: null });
    if (mine === generation) {
      show(result, performance.now() - t0);
      // The linter discards results for an outdated document; do the same for the marks.
      if (view.state.doc.toString() === text) view.dispatch({ effects: setSemantic.of(semanticMarks(result, text.length)) });
    }
    return result.diagnostics
      .filter((d) => d.file === undefined || d.file === filename)
      .map(
        (d): CmDiagnostic => ({
          from: Math.min(d.span.start, text.length),
          to: Math.min(d.span.end, text.length),
          severity: d.severity,
          message: `${d.message} [${d.code}]`,
          source: d.rule,
          actions: (d.fixes ?? []).map((f) => ({
            name: f.title,
            apply: (v: EditorView) => v.dispatch({ changes: f.edits.map((e) => ({ from: e.span.start, to: e.span.end, insert: e.newText })) }),
          })),
        }),
      );
  },
  { delay: 150 },
);

let hashTimer: ReturnType<typeof setTimeout> | undefined;
function saveToHash(): void {
  clearTimeout(hashTimer);
  hashTimer = setTimeout(async () => {
    const name = picker.value || undefined;
    history.replaceState(null, '', await encodeHash({ text: view.state.doc.toString(), ...(name ? { name } : {}) }));
  }, 300);
}

// Start from the shared link, else from the first example; the editor is made with its text, so
// nothing is compiled before the real content is there.
const shared = await decodeHash(location.hash);
const start = shared ?? (examples[0] ? { text: examples[0].text, name: examples[0].name } : { text: '' });
selectExample(start.name);
if (location.hash && !shared) notice = 'The link’s sequence could not be read, so here is an example instead. ';

const view = new EditorView({
  parent: $('#editor'),
  doc: start.text,
  extensions: [
    basicSetup,
    shotLanguage(),
    semantic,
    diagnostics,
    lintGutter(),
    assist(() => latest),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': '.shot source' }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) saveToHash();
    }),
  ],
});

/** Name the file after the example (so its reference images resolve) and show it in the picker. */
function selectExample(name: string | undefined): void {
  const ex = examples.find((e) => e.name === name);
  filename = ex ? ex.path : 'examples/playground.shot';
  picker.value = ex ? ex.name : '';
}

function load(text: string, name: string | undefined): void {
  selectExample(name);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
}

picker.addEventListener('change', () => {
  const ex = examples.find((e) => e.name === picker.value);
  if (ex) load(ex.text, ex.name);
});

// Tabs: one pane visible at a time, arrow keys move between tabs (WAI-ARIA tabs pattern).
const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
function select(tab: HTMLButtonElement): void {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(`#${t.getAttribute('aria-controls')}`).hidden = !on;
  }
}
for (const t of tabs) {
  t.addEventListener('click', () => select(t));
  t.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(t);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : undefined;
    if (next) {
      select(next);
      next.focus();
    }
  });
}

// Clicking a clip in the timeline, a request or a problem takes the editor there.
function goTo(offset: number): void {
  view.dispatch({ selection: { anchor: offset }, effects: EditorView.scrollIntoView(offset, { y: 'center' }) });
  view.focus();
}
$('#panes').addEventListener('click', (e) => {
  const target = e.target as Element;
  const clip = target.closest('.tl-clip, .prompt-clip')?.getAttribute('data-clip');
  if (clip && latest && (target.closest('.tl-clip') || target.closest('h3'))) {
    const node = latest.resolved.clipByName.get(clip)?.node;
    if (node) goTo(node.span.start);
    return;
  }
  const diag = target.closest('.diag');
  if (diag && latest) {
    const i = [...document.querySelectorAll('#pane-problems .diag')].indexOf(diag);
    const record = latest.plan.diagnostics[i];
    if (record) goTo(record.range.start.offset);
  }
});

$('#share').addEventListener('click', async () => {
  const name = picker.value || undefined;
  const url = location.href.replace(/#.*$/, '') + (await encodeHash({ text: view.state.doc.toString(), ...(name ? { name } : {}) }));
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = 'Link copied: it holds the whole sequence.';
  } catch {
    status.textContent = 'The address bar holds the link to this sequence.';
  }
});

$('#storyboard').addEventListener('click', async () => {
  if (!latest) return;
  const references = await loadReferences(latest, browserHost);
  const html = renderStoryboard({ plan: latest.plan, resolved: latest.resolved, assets: { references }, generator: 'shotc playground' });
  window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank');
});

window.addEventListener('hashchange', async () => {
  const shared = await decodeHash(location.hash);
  if (shared && shared.text !== view.state.doc.toString()) load(shared.text, shared.name);
});


// A handle for the browser console (and the browser tests): the text and the latest compile.
window.shotc = { text: () => view.state.doc.toString(), result: () => latest };
