// `rampart audit --html FILE`: one self-contained page to share. Everything is inline (style, script, SVG chart)
// and a Content-Security-Policy forbids every fetch, so opening it touches no network. The table is complete
// server-rendered HTML (readable with scripts off and in print); the script only sorts, filters and folds fixes.
// Every string from the audit goes through escapeHtml: a resource named <script> is text.
import { createHash } from 'node:crypto';
import { AREAS, SEVERITIES, STATUSES, type Status } from '../../checks/types.js';
import type { AuditOutput, AuditResult } from '../audit-output.js';
import { checkMeta } from '../check-meta.js';
import { escapeHtml as esc } from '../escape.js';
import { AREA_LABELS } from '../labels.js';
import { manualSteps } from '../manual-steps.js';
import { areaChart } from './chart.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';

const STATUS_LABELS: Readonly<Record<Status, string>> = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  UNKNOWN: 'UNKNOWN',
  NOT_APPLICABLE: 'N/A',
  MANUAL: 'MANUAL',
};

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Nothing may be fetched: only this page's own style and script (by hash) run. */
const csp = (): string =>
  [
    "default-src 'none'",
    `style-src ${sha256(STYLE)}`,
    `script-src ${sha256(SCRIPT)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

function formatDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function remediation(r: AuditResult): string {
  const { summary, console, cli } = r.remediation;
  return [
    '<div class="fix">',
    summary ? `<p><strong>Fix:</strong> ${esc(summary)}</p>` : '',
    console.length ? `<p>In the console:</p><ol>${console.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>` : '',
    cli.length ? `<p>With the AWS CLI:</p><pre><code>${cli.map((c) => esc(c)).join('\n')}</code></pre>` : '',
    '</div>',
  ].join('');
}

function row(r: AuditResult, order: number): string {
  const title = checkMeta(r.checkId).title;
  const cell = (label: string, value: string | number, html: string): string =>
    `<td data-label="${label}" data-value="${esc(String(value))}">${html}</td>`;
  return [
    `<tr data-order="${order}" data-severity="${r.severity}" data-area="${esc(r.area)}" data-status="${r.status}">`,
    cell('Status', STATUSES.indexOf(r.status), `<span class="badge s-${r.status}">${STATUS_LABELS[r.status]}</span>`),
    cell('Severity', SEVERITIES.indexOf(r.severity), `<span class="v-${r.severity}">${r.severity}</span>`),
    cell('Area', AREAS.indexOf(r.area), esc(AREA_LABELS[r.area] ?? r.area)),
    cell('Check', r.checkId, `<code>${esc(r.checkId)}</code><br>${esc(title)}`),
    cell('Resource', r.resource, `<code>${esc(r.resource)}</code>`),
    `<td data-label="Finding">${esc(r.message)}${remediation(r)}</td>`,
    '</tr>',
  ].join('');
}

function select(name: string, label: string, values: readonly string[], text: (v: string) => string): string {
  const options = values.map((v) => `<option value="${esc(v)}">${esc(text(v))}</option>`).join('');
  return `<label>${label} <select id="filter-${name}"><option value="">all</option>${options}</select></label>`;
}

function findingsTable(audit: AuditOutput): string {
  const present = <T extends string>(all: readonly T[], pick: (r: AuditResult) => T): T[] => all.filter((v) => audit.results.some((r) => pick(r) === v));
  const controls = [
    '<div id="controls" hidden>',
    select('severity', 'Severity', present(SEVERITIES, (r) => r.severity), (v) => v),
    select('area', 'Area', present(AREAS, (r) => r.area), (v) => AREA_LABELS[v as keyof typeof AREA_LABELS] ?? v),
    select('status', 'Status', present(STATUSES, (r) => r.status), (v) => STATUS_LABELS[v as Status]),
    '<span id="shown" aria-live="polite"></span>',
    '</div>',
  ].join('');
  const th = (label: string, sortable = true): string => `<th scope="col">${sortable ? `<button type="button">${label}</button>` : label}</th>`;
  return [
    `<h2 id="findings-title">Findings (${audit.results.length})</h2>`,
    controls,
    '<table id="findings" aria-labelledby="findings-title">',
    `<thead><tr>${th('Status')}${th('Severity')}${th('Area')}${th('Check')}${th('Resource')}${th('Finding and fix', false)}</tr></thead>`,
    `<tbody>${audit.results.map(row).join('')}</tbody>`,
    '</table>',
  ].join('');
}

function manualSection(audit: AuditOutput): string {
  const steps = manualSteps(audit.results);
  const body = steps.length
    ? `<ol class="manual">${steps
        .map((r) => `<li><strong>${esc(checkMeta(r.checkId).title)}</strong> <code>${esc(r.checkId)}</code>: ${esc(r.message)}${remediation(r).replace('class="fix"', 'class="manual-fix"')}</li>`)
        .join('')}</ol>`
    : '<p>Nothing: every remaining fix can be made through an API (<code>rampart apply</code>).</p>';
  return `<section id="manual"><h2>Manual steps</h2><p class="meta">What no API can do: a person signs in to the console (as root, for root's MFA and keys) and checks it.</p>${body}</section>`;
}

export function renderHtml(audit: AuditOutput): string {
  const { account } = audit;
  const name = account.alias ? `${account.alias} (${account.id})` : account.id;
  const counts = STATUSES.map((s) => `<li><span class="badge s-${s}">${STATUS_LABELS[s]}</span> ${audit.summary[s]}</li>`).join('');
  const score = audit.score ?? null;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>rampart audit: ${esc(name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>AWS account ${esc(name)}</h1>
<p class="meta">Audited ${esc(formatDate(audit.collectedAt))} by rampart ${esc(audit.tool.version)} · partition ${esc(account.partition)}</p>
<div class="overview">
<div><div class="score" id="score">${score === null ? 'n/a' : String(score)}<small> / 100</small></div><ul class="counts">${counts}</ul></div>
<figure class="chart">${areaChart(audit.areas ?? {})}</figure>
</div>
</header>
${manualSection(audit)}
<section>${findingsTable(audit)}</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
