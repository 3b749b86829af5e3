// The report's stylesheet: light and dark by prefers-color-scheme, a card layout under 720 px, and for print
// every fix expanded and no controls. Served inline under a CSP hash, so no style="" attributes anywhere.
export const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;
--critical:#a40e26;--high:#cf222e;--medium:#9a6700;--low:#0969da;--info:#57606a;--pass:#1a7f37;--fail:#cf222e;
--unknown:#8250df;--na:#6e7781;--manual:#9a6700;--bar:#2da44e;--track:#eaeef2}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--panel:#161b22;
--critical:#ff7b72;--high:#ff7b72;--medium:#d29922;--low:#58a6ff;--info:#9198a1;--pass:#3fb950;--fail:#f85149;
--unknown:#bc8cff;--na:#9198a1;--manual:#d29922;--bar:#3fb950;--track:#21262d}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 16px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:32px 0 8px}
.meta{color:var(--muted);margin:0}
.overview{display:flex;flex-wrap:wrap;gap:24px;align-items:center;margin-top:16px}
.score{font-size:3rem;font-weight:700;line-height:1}.score small{font-size:1rem;color:var(--muted);font-weight:400}
.counts{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:8px 16px}
.chart{flex:1 1 320px;max-width:560px;min-width:0}.chart svg{width:100%;height:auto;display:block}
.chart text{fill:var(--fg);font-size:13px}.chart .track{fill:var(--track)}.chart .bar{fill:var(--bar)}.chart .none{fill:var(--muted)}
#controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0 12px}
#controls[hidden]{display:none}
select,button{font:inherit;color:inherit;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:2px 8px}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{background:var(--panel);white-space:nowrap}th button{border:0;background:none;padding:0;font-weight:700;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
.badge{font-weight:700;font-size:.8rem;letter-spacing:.02em}
.s-PASS{color:var(--pass)}.s-FAIL{color:var(--fail)}.s-UNKNOWN{color:var(--unknown)}.s-NOT_APPLICABLE{color:var(--na)}.s-MANUAL{color:var(--manual)}
.v-critical{color:var(--critical)}.v-high{color:var(--high)}.v-medium{color:var(--medium)}.v-low{color:var(--low)}.v-info{color:var(--info)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);padding:6px 8px;border-radius:6px;margin:4px 0}
.fix{margin-top:6px}.fix p{margin:0 0 4px}.fix ol{margin:0 0 4px;padding-left:20px}
.js tr:not(.open) .fix{display:none}
tr[hidden]{display:none!important}
.toggle{display:block;margin-top:4px;font-size:.8rem}
.manual li{margin-bottom:12px}
@media (max-width:720px){
 table,tbody,tr,td{display:block;width:100%}
 thead tr{display:flex;flex-wrap:wrap;gap:4px}thead th{border:0}
 tr{border-bottom:1px solid var(--line);padding:6px 0}td{border:0;padding:2px 8px}
 td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
}
@media print{
 :root{color-scheme:light}
 #controls,.toggle,th button::after{display:none!important}
 .fix,.js tr:not(.open) .fix{display:block!important}
 tr[hidden]{display:table-row!important}
 main{max-width:none;padding:0}
}
`;
