//! The page's one stylesheet, inline: the app's light palette, the bundled Inter embedded
//! as `data:` fonts, sizes readable on a 1920×1080 projector, and print rules (landscape,
//! the backbone repeated on every page, no card cut across two pages).

use super::text::base64;

/// Two of the bundled faces cover every weight the page uses (the browser picks the
/// nearer one), keeping the file near 750 KB.
const FACES: [(&[u8], &str); 2] = [
    (
        include_bytes!("../../../../assets/fonts/Inter-Medium.otf"),
        "100 550",
    ),
    (
        include_bytes!("../../../../assets/fonts/Inter-SemiBold.otf"),
        "551 900",
    ),
];

pub(super) fn font_faces(out: &mut String) {
    for (bytes, weights) in FACES {
        out.push_str("@font-face { font-family: \"Inter Embedded\"; font-style: normal; ");
        out.push_str(&format!("font-weight: {weights}; font-display: block; "));
        out.push_str("src: url(data:font/otf;base64,");
        out.push_str(&base64(bytes));
        out.push_str(") format(\"opentype\"); }\n");
    }
}

pub(super) const CSS: &str = r#"
:root {
  --canvas: #f6f7f9; --surface: #ffffff; --ink: #161b26; --ink-2: #394153;
  --muted: #687185; --faint: #a0a7b5; --line: #e3e6ec; --line-strong: #d3d8e1;
  --accent: #4d58d3; --accent-soft: #eef0fd; --success: #2f9a5d;
  --warn: #a2640a; --warn-bg: #fdf3e1; --fail: #b3372f; --fail-bg: #fbe9e7; --pass-bg: #e3f4ea;
  --shadow-card: 0 1px 2px rgba(22, 27, 38, 0.06), 0 1px 3px rgba(22, 27, 38, 0.05);
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--canvas); color: var(--ink);
  font-family: "Inter Embedded", sans-serif; font-weight: 400; font-size: 15px; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.page { max-width: none; padding: 36px 40px 28px; }
h1, h2, h3 { margin: 0; font-weight: 600; letter-spacing: -0.01em; }
.page-head { margin-bottom: 24px; }
.eyebrow { margin: 0 0 6px; color: var(--accent); font-size: 13px; font-weight: 600;
  letter-spacing: 0.08em; text-transform: uppercase; }
h1 { font-size: 34px; line-height: 1.15; }
.page-meta { margin: 10px 0 0; color: var(--muted); font-size: 15px; display: flex; flex-wrap: wrap; gap: 6px 22px; }
.page-meta strong { color: var(--ink-2); font-weight: 600; }
.summary { background: var(--surface); border: 1px solid var(--line); border-left: 4px solid var(--accent);
  border-radius: 10px; padding: 18px 22px; margin-bottom: 28px; max-width: 1100px; box-shadow: var(--shadow-card); }
.summary h2 { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.07em; }
.summary .held { margin-left: 8px; color: var(--faint); text-transform: none; letter-spacing: 0; font-weight: 500; }
.summary .lead { margin: 8px 0 0; font-size: 19px; font-weight: 600; color: var(--ink); }
.summary .update { margin-top: 8px; white-space: pre-wrap; color: var(--ink-2); font-size: 15px; }
.objectives { margin-bottom: 28px; max-width: 1100px; }
.objectives h2 { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.07em; }
.objectives ol { margin: 8px 0 0; padding-left: 24px; }
.objectives li { margin: 6px 0; }
.objective-title { font-weight: 600; font-size: 16px; }
.objectives .kind { font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; margin-left: 6px; }
.objectives .committed { background: var(--accent-soft); color: var(--accent); }
.objectives .stretch { background: var(--line); color: var(--ink-2); }
.objectives .value { color: var(--muted); font-size: 13.5px; margin-left: 6px; }
.objectives .facts { color: var(--muted); font-size: 13.5px; }
.objectives .blocked { color: var(--fail); font-weight: 600; }
.scroll { overflow-x: auto; }
.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; width: 100%; }
.label-col { width: 190px; }
.grid th, .grid td { vertical-align: top; text-align: left; }
.corner { background: var(--canvas); color: var(--faint); font-size: 12px; font-weight: 600;
  text-transform: uppercase; letter-spacing: 0.07em; vertical-align: bottom !important; padding: 0 14px 12px 2px; }
.activity { padding: 10px 12px; font-size: 15px; font-weight: 600; border-radius: 8px 8px 0 0;
  border-left: 3px solid var(--surface); }
.step { padding: 9px 12px 10px; font-size: 14px; font-weight: 500; background: var(--surface);
  border-bottom: 2px solid var(--line-strong); border-left: 3px solid var(--surface); }
.tone-0 { --tone: #5b6be0; --tone-bg: #e9ecfd; --tone-ink: #262f80; }
.tone-1 { --tone: #1f9a8a; --tone-bg: #dcf3ef; --tone-ink: #0e4d45; }
.tone-2 { --tone: #d08a1c; --tone-bg: #fcf0da; --tone-ink: #603b05; }
.tone-3 { --tone: #cf5575; --tone-bg: #fbe6ec; --tone-ink: #6a1d33; }
.tone-4 { --tone: #8a5bd3; --tone-bg: #f0e8fc; --tone-ink: #41226f; }
.tone-5 { --tone: #2f87c4; --tone-bg: #dfeffa; --tone-ink: #143e5e; }
.activity[class*="tone-"] { background: var(--tone-bg); color: var(--tone-ink); box-shadow: inset 0 3px 0 var(--tone); }
.step[class*="tone-"] { color: var(--ink-2); box-shadow: inset 0 -2px 0 var(--tone); }
.band > tr > * { border-top: 1px solid var(--line-strong); }
.band-label { position: sticky; left: 0; z-index: 1; background: var(--canvas); padding: 16px 16px 16px 2px; font-weight: 400; }
.band-title { font-size: 18px; font-weight: 600; color: var(--ink); }
.rollup { margin-top: 6px; color: var(--muted); font-size: 13.5px; }
.rollup-note { margin-top: 2px; color: var(--warn); font-size: 13px; }
.progress { margin-top: 10px; height: 5px; border-radius: 3px; background: #e3e7ed; overflow: hidden; }
.progress span { display: block; height: 100%; background: var(--success); }
.cell { padding: 12px 6px 16px; border-left: 1px dashed var(--line); }
.card { background: var(--surface); border: 1px solid var(--line-strong); border-radius: 10px;
  padding: 10px 11px; margin-bottom: 8px; box-shadow: var(--shadow-card);
  break-inside: avoid; page-break-inside: avoid; }
.card-title { font-size: 15px; font-weight: 500; line-height: 1.35; color: var(--ink); overflow-wrap: anywhere; }
.card-meta, .card-checks { display: flex; flex-wrap: wrap; gap: 5px; margin-top: 8px; align-items: center; }
.card-checks { margin-top: 6px; }
.flag { background: #fbe9e7; color: #a3342c; font-weight: 600; }
.label { font-weight: 600; }
.card-meta span, .card-checks span { font-size: 12.5px; line-height: 1; padding: 4px 7px; border-radius: 999px; white-space: nowrap; }
.status { font-weight: 600; background: #f3f4f7; color: #6a7386; }
.status-draft .status { background: #f1f2f6; color: #4f576a; }
.status-refining .status { background: #fdf3e1; color: #8a5a0c; }
.status-ready .status { background: #1f8a55; color: #ffffff; }
.status-inSprint .status { background: #e8f0fe; color: #2456c2; }
.status-done .status { background: #e3f4ea; color: #1c7443; }
.status-done .card-title { color: var(--muted); }
.estimate { background: var(--accent-soft); color: #3a43ae; font-weight: 600; }
.wsjf { background: #f3f4f7; color: var(--ink-2); }
.dor-met { background: var(--pass-bg); color: #1c7443; font-weight: 600; }
.dor-open { background: var(--warn-bg); color: var(--warn); }
.invest { background: #f3f4f7; color: var(--ink-2); letter-spacing: 0.04em; }
.invest-vague { background: var(--fail-bg); color: var(--fail); }
.empty { color: var(--muted); }
.page-foot { margin-top: 36px; padding-top: 14px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
.page-foot p { margin: 2px 0; }
@page { size: landscape; margin: 10mm; }
@media print {
  body { background: #ffffff; font-size: 10pt; }
  .page { padding: 0; }
  h1 { font-size: 20pt; }
  .summary { box-shadow: none; max-width: none; break-inside: avoid; page-break-inside: avoid; margin-bottom: 14pt; }
  .summary .lead { font-size: 12pt; }
  .summary .update, .page-meta { font-size: 9.5pt; }
  .scroll { overflow: visible; }
  .grid { min-width: 0 !important; }
  .label-col { width: 96pt; }
  thead { display: table-header-group; }
  .band-label, .corner { position: static; background: #ffffff; }
  .activity, .step { font-size: 9pt; padding: 5pt 6pt; }
  .band-title { font-size: 11pt; }
  .rollup, .rollup-note { font-size: 8pt; }
  .cell { padding: 6pt 3pt 8pt; }
  .card { box-shadow: none; padding: 5pt 6pt; margin-bottom: 5pt; border-radius: 6pt; }
  .card-title { font-size: 9pt; }
  .card-meta span, .card-checks span { font-size: 7pt; padding: 2pt 4pt; white-space: normal; line-height: 1.2; }
  .card { overflow: hidden; }
  .page-foot { font-size: 8pt; }
}
"#;
