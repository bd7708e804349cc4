/**
 * The storyboard's CSS, in parts the playground reuses (timeline, prompt, diagnostics). Colours
 * are variables so a dark screen scheme and the print sheet (always black on white) swap them in
 * one place.
 */

export const THEME_CSS = `
:root{--fg:#1b1f24;--muted:#5b6470;--bg:#fff;--panel:#f6f7f9;--line:#d5d9df;--accent:#1d4f91;
--look:#1d5fa8;--look-bg:rgba(29,95,168,.11);--cast:#9a4a00;--cast-bg:rgba(190,100,10,.13);--clip:#26702b;--clip-bg:rgba(38,112,43,.11);
--create:#1d4f91;--create-bg:#e9f0fa;--remix:#6a2c91;--remix-bg:#f3eafa;--extend:#26702b;--extend-bg:#e7f4ea;--edit:#9a4a00;--edit-bg:#fcf0e2;
--error:#b3261e;--warning:#8a5a00;--info:#1d5fa8;--mark:rgba(255,196,0,.45)}
@media screen and (prefers-color-scheme:dark){:root{--fg:#e6e8eb;--muted:#9aa3ad;--bg:#15181c;--panel:#1d2126;--line:#343a42;--accent:#8ab4f0;
--look:#8ab4f0;--look-bg:rgba(138,180,240,.16);--cast:#f0b070;--cast-bg:rgba(240,176,112,.16);--clip:#8fd694;--clip-bg:rgba(143,214,148,.14);
--create:#8ab4f0;--create-bg:#1f2a3a;--remix:#d0a0f0;--remix-bg:#2c2236;--extend:#8fd694;--extend-bg:#1f3022;--edit:#f0b070;--edit-bg:#352818;
--error:#ff8a80;--warning:#f0c060;--info:#8ab4f0;--mark:rgba(255,196,0,.3)}}
`;

export const TIMELINE_CSS = `
.timeline{margin:0}
.tl-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
svg.tl{display:block;max-width:100%;height:auto;font:12px system-ui,-apple-system,"Segoe UI",sans-serif}
svg.tl text{fill:var(--fg)}
.tl-block{stroke:var(--bg);stroke-width:2}
.tl-create .tl-block{fill:var(--create-bg)}.tl-remix .tl-block{fill:var(--remix-bg)}
.tl-extend .tl-block{fill:var(--extend-bg)}.tl-edit .tl-block{fill:var(--edit-bg)}
.tl-create .tl-name{fill:var(--create)}.tl-remix .tl-name{fill:var(--remix)}.tl-extend .tl-name{fill:var(--extend)}.tl-edit .tl-name{fill:var(--edit)}
.tl-name{font-weight:700;font-size:13px}
svg.tl .tl-meta{font-size:10.5px;fill:var(--muted);letter-spacing:.02em}
.tl-shot-box{fill:var(--bg);fill-opacity:.55;stroke:var(--line)}
svg.tl .tl-time{font-size:10px;fill:var(--muted);font-variant-numeric:tabular-nums}
.tl-title{font-weight:600}
.tl-camera{font-style:italic;font-size:11px}
.tl-beat{font-size:11px}
.tl-arc{fill:none;stroke:var(--muted);stroke-width:1.5;stroke-dasharray:4 3}
.tl-remix .tl-arc{stroke:var(--remix)}.tl-extend .tl-arc{stroke:var(--extend)}.tl-edit .tl-arc{stroke:var(--edit)}
.tl-arrow{fill:var(--muted)}
svg.tl .tl-link-label{font-size:10px;font-weight:700;letter-spacing:.06em;fill:var(--muted)}
.tl-axis line{stroke:var(--muted)}
svg.tl .tl-axis text{font-size:10px;fill:var(--muted)}
.tl-clip a:focus-visible .tl-block{stroke:var(--accent);stroke-width:3}
.tl-summary{margin:.5rem 0 0;color:var(--fg)}
`;

export const PROMPT_CSS = `
pre.prompt{white-space:pre-wrap;word-break:break-word;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:.4rem 0;color:var(--muted)}
.pp{color:var(--fg);border-radius:2px;text-decoration-thickness:1.5px;text-underline-offset:3px}
.pp-look{background:var(--look-bg);text-decoration:underline dotted var(--look)}
.pp-cast{background:var(--cast-bg);text-decoration:underline double var(--cast)}
.pp-clip{background:var(--clip-bg);text-decoration:underline solid var(--clip)}
ul.legend{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:13px}
ul.legend .pp{padding:0 .25rem}
`;

export const DIAGNOSTICS_CSS = `
ul.diags{list-style:none;padding:0;margin:.5rem 0}
.diag{border-left:4px solid var(--line);padding:.3rem .8rem;margin:.5rem 0;background:var(--panel);border-radius:0 6px 6px 0}
.diag-error{border-color:var(--error)}.diag-warning{border-color:var(--warning)}.diag-info{border-color:var(--info)}
.diag p{margin:.15rem 0}
.sev{font-weight:700;text-transform:uppercase;font-size:.8em;letter-spacing:.05em}
.diag-error .sev{color:var(--error)}.diag-warning .sev{color:var(--warning)}.diag-info .sev{color:var(--info)}
pre.frame{margin:.3rem 0;font:12.5px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word}
pre.frame .ln{color:var(--muted);user-select:none}
pre.frame mark{background:var(--mark);color:inherit;text-decoration:underline wavy currentColor;text-underline-offset:3px}
pre.frame mark.point{display:inline-block;width:0;height:1.1em;vertical-align:text-bottom;border-left:2px solid var(--error)}
ul.diag-notes{margin:.2rem 0;padding-left:1.2rem;font-size:.92em}
`;

export const PAGE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1120px;margin:0 auto;padding:1.2rem 1rem 3rem}
h1{font-size:1.7rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:0}
h3{font-size:1rem;margin:1.1rem 0 .3rem}
a{color:var(--accent)}
code{font:.92em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.muted{color:var(--muted)}
.sheet-head{border-bottom:2px solid var(--fg);padding-bottom:.6rem;margin-bottom:1rem}
.sheet-head p{margin:.2rem 0}
section.film,section.overview,section.file-diags{margin:1.2rem 0}
section.clip{border-top:1px solid var(--line);padding-top:1.2rem;margin-top:1.6rem}
.clip-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .8rem}
.badge{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.06em;padding:.1rem .45rem;border-radius:4px;border:1px solid currentColor}
.badge-create{color:var(--create);background:var(--create-bg)}.badge-remix{color:var(--remix);background:var(--remix-bg)}
.badge-extend{color:var(--extend);background:var(--extend-bg)}.badge-edit{color:var(--edit);background:var(--edit-bg)}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.4rem 1rem;margin:.7rem 0}
dl.facts div{min-width:0}
dl.facts div.wide{grid-column:span 2}
dl.facts dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
dl.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.media{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1rem;margin:.7rem 0}
.media figure{margin:0}
.media img,.media video,.film video{display:block;width:100%;height:auto;border:1px solid var(--line);border-radius:4px;background:#000}
.film video{width:auto;max-width:100%;max-height:60vh}
.media img.sprites{background:none}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.25rem}
.missing{border:1px dashed var(--line);border-radius:4px;padding:1rem;color:var(--muted);font-size:.9rem}
table.shots{border-collapse:collapse;width:100%;font-size:.92rem}
table.shots th,table.shots td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
table.shots th{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600}
table.shots td.t{white-space:nowrap;font-variant-numeric:tabular-nums}
table.shots ul{margin:0;padding-left:1rem}
.note{font-size:.88rem;color:var(--muted)}
.print-only{display:none}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media (max-width:640px){
  main{padding:.8rem .7rem 2rem}
  h1{font-size:1.35rem}
  table.shots thead{display:none}
  table.shots tr{display:block;border-bottom:1px solid var(--line);padding:.3rem 0}
  table.shots td{display:block;border:0;padding:.1rem 0}
  .media{grid-template-columns:1fr}
}
`;

/** Last, so that it wins over the screen rules above: a storyboard sheet a crew can hold. */
export const PRINT_CSS = `
@page{margin:12mm}
@media print{
  :root{--fg:#000;--muted:#444;--bg:#fff;--panel:#fff;--line:#999}
  body{font-size:10.5pt;background:#fff;color:#000}
  main{max-width:none;padding:0}
  a{color:inherit;text-decoration:none}
  section.clip{break-before:page;border-top:0;margin-top:0;padding-top:0}
  .diag,figure,tr,.clip-head,dl.facts{break-inside:avoid}
  h2,h3{break-after:avoid}
  video,.screen-only{display:none!important}
  .print-only{display:block}
  pre.prompt,pre.frame{border:1px solid #999;background:#fff;color:#333}
  .diag{background:#fff}
  .tl-scroll{overflow:visible}
  svg.tl{min-width:0!important;width:100%}
}
`;

export const STORYBOARD_CSS = [THEME_CSS, PAGE_CSS, TIMELINE_CSS, PROMPT_CSS, DIAGNOSTICS_CSS, PRINT_CSS].join('').replace(/\n/g, '');
