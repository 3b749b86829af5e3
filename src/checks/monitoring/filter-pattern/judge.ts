// Judges a metric filter by what it matches, not how it is written: parse it, run it on the sample events of
// cis-events.ts, and pass when it catches every event CIS names.
//
// Decisions:
// - Over-broad passes. CIS wants an alarm on these events; a filter that also counts other events still raises it
//   (noisier, not blind). `overBroad` names the extra events so a check can add a note.
// - Several filters on the same log group count together (judgeAny): one filter per event is as good as one
//   filter for all, as long as the union catches everything.
// - A pattern that cannot be parsed catches nothing; the reason says where it stops making sense.
import type { CisEventSpec, MonitoringCheckId, SampleEvent } from './cis-events.js';
import { CIS_EVENTS } from './cis-events.js';
import type { ParsedPattern } from './ast.js';
import { matches } from './match.js';
import { formatParseError, parsePattern } from './parse.js';

export type Judgement =
  /** Catches every event CIS names. `overBroad`: labels of other sample events it also catches (may be empty). */
  | { ok: true; overBroad: string[] }
  /** One line: "misses DetachGroupPolicy (iam.amazonaws.com)" or "cannot parse: ... at column 12". */
  | { ok: false; reason: string; missed: string[] };

/** How many missed events a reason names before "and N more"; `missed` always has them all. */
const NAMED_IN_REASON = 3;

export function judgePattern(checkId: MonitoringCheckId, patternText: string): Judgement {
  return judgeAny(checkId, [patternText]);
}

/** Judgements by check and patterns: an organization's accounts mostly carry the same filters, and each check judges
 * a log group's several times (together, alone): parsing them again was a twentieth of `audit --org`'s CPU. */
const judged = new Map<string, Judgement>();
/** Bounds the memory of an audit of many accounts with many different filters. */
const JUDGED_KEPT = 2_000;

/** Judges the filters of one log group together: passes if their union catches every required event. The judgement
 * is shared by every caller with the same check and patterns: it is frozen. */
export function judgeAny(checkId: MonitoringCheckId, patternTexts: readonly string[]): Judgement {
  const key = JSON.stringify([checkId, ...patternTexts]);
  let judgement = judged.get(key);
  if (!judgement) {
    if (judged.size >= JUDGED_KEPT) judged.clear();
    judgement = freeze(judgeUncached(checkId, patternTexts));
    judged.set(key, judgement);
  }
  return judgement;
}

const freeze = (j: Judgement): Judgement =>
  Object.freeze(j.ok ? { ...j, overBroad: Object.freeze(j.overBroad) } : { ...j, missed: Object.freeze(j.missed) }) as Judgement;

/** judgeAny without the memo: what it gives for inputs it has not seen (exported for the tests). */
export function judgeUncached(checkId: MonitoringCheckId, patternTexts: readonly string[]): Judgement {
  const spec: CisEventSpec = CIS_EVENTS[checkId];
  if (patternTexts.length === 0) return { ok: false, reason: 'no metric filter to judge', missed: spec.mustMatch.map((s) => s.label) };

  const parsed: ParsedPattern[] = [];
  const unparsable: string[] = [];
  patternTexts.forEach((text, i) => {
    const result = parsePattern(text);
    if (result.ok) parsed.push(result.pattern);
    else {
      const which = patternTexts.length > 1 ? ` pattern ${i + 1}` : '';
      unparsable.push(`cannot parse${which}: ${formatParseError(result.error)}`);
    }
  });
  if (parsed.length === 0) return { ok: false, reason: unparsable.join('; '), missed: spec.mustMatch.map((s) => s.label) };

  const caught = (s: SampleEvent): boolean => parsed.some((p) => matches(p, s.event));
  const missed = spec.mustMatch.filter((s) => !caught(s)).map((s) => s.label);
  if (missed.length > 0) return { ok: false, reason: [missesReason(missed), ...unparsable].join('; '), missed };
  return { ok: true, overBroad: spec.shouldNotMatch.filter(caught).map((s) => s.label) };
}

function missesReason(missed: string[]): string {
  const named = missed.slice(0, NAMED_IN_REASON).join(', ');
  const more = missed.length - NAMED_IN_REASON;
  return more > 0 ? `misses ${named} and ${more} more` : `misses ${named}`;
}

/** The note for an over-broad pass, or null: "also matches 2 events CIS leaves out: GetPolicy (...), ...". */
export function describeOverBroad(overBroad: readonly string[]): string | null {
  if (overBroad.length === 0) return null;
  const what = overBroad.length === 1 ? 'an event' : `${overBroad.length} events`;
  return `also matches ${what} CIS leaves out: ${overBroad.join(', ')}`;
}
