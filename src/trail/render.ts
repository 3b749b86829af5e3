// `rampart trail hunt` output: text for a person, JSON for tools, CSV for a spreadsheet (one row per timeline event).
import { VERSION } from '../version.js';
import type { HuntResult, Incident, TimelineEvent } from './hunt.js';
import { maskText } from './mask.js';
import type { SourceProblem } from './source.js';

export interface HuntReport extends HuntResult {
  files: number;
  problems: SourceProblem[];
}

export const HUNT_SCHEMA_VERSION = 1;

export function renderHuntJson(r: HuntReport): string {
  const doc = {
    schemaVersion: HUNT_SCHEMA_VERSION,
    tool: { name: 'rampart', version: VERSION },
    input: { files: r.files, events: r.events },
    problems: r.problems.map((p) => ({ origin: p.origin, message: p.message })),
    summary: { incidents: r.incidents.length, bySeverity: countBySeverity(r.incidents) },
    incidents: r.incidents,
    ...(r.timeline ? { timeline: r.timeline } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function countBySeverity(incidents: readonly Incident[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of incidents) out[i.severity] = (out[i.severity] ?? 0) + 1;
  return out;
}

const CSV_COLUMNS = ['incident', 'severity', 'time', 'region', 'identity', 'access_key_id', 'source_ip', 'event', 'result', 'detections', 'user_agent', 'event_id'];

export function renderHuntCsv(r: HuntReport): string {
  const rows = [CSV_COLUMNS.join(',')];
  const add = (incident: string, severity: string, e: TimelineEvent) =>
    rows.push(
      [incident, severity, e.time, e.region, e.identity, e.accessKeyId, e.sourceIp, e.event, e.result, e.detections.join(' '), e.userAgent, e.eventId]
        .map(csvField)
        .join(','),
    );
  for (const i of r.incidents) for (const e of i.timeline) add(String(i.number), i.severity, e);
  for (const e of r.timeline ?? []) add('timeline', '', e);
  return `${rows.join('\n')}\n`;
}

function csvField(v: string | null | undefined): string {
  let s = maskText(v ?? '');
  // A cell starting with = + - @ is a formula to a spreadsheet: neutralise it.
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderHuntText(r: HuntReport): string {
  const out: string[] = [];
  const n = (x: number, word: string) => `${x.toLocaleString('en-US')} ${word}${x === 1 ? '' : 's'}`;
  out.push(`${n(r.events, 'event')} from ${n(r.files, 'source')}${r.problems.length ? `, ${n(r.problems.length, 'problem')} (see stderr)` : ''}: ${r.incidents.length === 0 ? 'nothing found' : n(r.incidents.length, 'incident')}`);
  for (const i of r.incidents) {
    out.push('', `Incident ${i.number}  ${i.severity.toUpperCase()}  ${i.actor}  ${i.start} .. ${i.end}`);
    for (const d of i.detections) {
      out.push(`  ${d.severity.padEnd(8)} ${d.id}: ${d.title} (${d.hits} event${d.hits === 1 ? '' : 's'})`);
      for (const ev of d.evidence) out.push(`           - ${maskText(ev)}`);
      out.push(`           means: ${d.meaning}`, `           do:    ${d.action}`);
    }
    out.push('  Timeline:');
    for (const e of i.timeline) out.push(`    ${timelineLine(e)}`);
    if (i.omitted > 0) out.push(`    ... ${n(i.omitted, 'more event')}${wholeTimeline(i.actor)}`);
  }
  if (r.timeline) {
    out.push('', `Timeline (${n(r.timeline.length, 'event')}):`);
    for (const e of r.timeline) out.push(`  ${timelineLine(e)}`);
  }
  return `${out.join('\n')}\n`;
}

/** How to see every event of an incident's actor: every format keeps the first events of an incident only. */
function wholeTimeline(actor: string): string {
  if (/^A[KS]IA[A-Z0-9]{16}$/.test(actor)) return ` (all of them: --access-key ${actor})`;
  if (actor.startsWith('arn:')) return ` (all of them: --principal ${actor})`;
  return '';
}

function timelineLine(e: TimelineEvent): string {
  const flags = e.detections.length ? `  [${e.detections.join(', ')}]` : '';
  return `${e.time}  ${(e.region ?? '-').padEnd(14)} ${(e.identity ?? '-')}  ${(e.sourceIp ?? '-').padEnd(15)} ${e.event}  ${e.result}${flags}`;
}
