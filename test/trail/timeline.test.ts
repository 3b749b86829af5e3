// The incidents' timelines against an oracle computed from the records themselves: every event of the incident's
// access key between its first and last hit, in order, with the values CloudTrail wrote (user agents and request
// documents with quotes, backslashes, control characters and any Unicode survive the trip through DuckDB's JSON text).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMELINE_LIMIT, type TimelineEvent } from '../../src/trail/hunt.js';
import { maskSecrets, maskText } from '../../src/trail/mask.js';
import { at, event, signIn, user, type CloudTrailRecord } from './events.js';
import { huntRecords, idOf } from './hunt-helper.js';

const alice = user('alice', 'AKIAALICEALICEALICE1');
const bob = user('bob', 'AKIABOBBOBBOBBOBBOB1');
const text = fc.string({ unit: 'grapheme', maxLength: 30 });

const spec = fc.record({
  work: fc.array(
    fc.record({
      who: fc.constantFrom(alice, bob),
      minute: fc.integer({ min: 0, max: 600 }),
      name: fc.constantFrom('GetObject', 'PutObject', 'PutUserPolicy'),
      ua: text,
      note: text,
      denied: fc.boolean(),
    }),
    { maxLength: 40 },
  ),
  // Sign-ins without MFA (flagged), the hits that open incidents.
  signIns: fc.array(fc.record({ who: fc.constantFrom(alice, bob), minute: fc.integer({ min: 0, max: 600 }) }), { minLength: 1, maxLength: 4 }),
});

const keyOf = (r: CloudTrailRecord) => (r.userIdentity as { accessKeyId: string }).accessKeyId;
const time = (r: CloudTrailRecord) => r.eventTime as string;

function expectSame(e: TimelineEvent, r: CloudTrailRecord): void {
  expect(e.userAgent).toBe(maskText(r.userAgent as string));
  expect(e.time).toBe(time(r));
  expect(e.result).toBe((r.errorCode as string | undefined) ?? 'ok');
  // A flagged event shows what it asked (read-only calls' documents are never kept); others show nothing.
  if (e.detections.length === 0) expect(e.detail).toBeUndefined();
  else expect(e.detail?.requestParameters).toEqual(r.readOnly ? null : maskSecrets(r.requestParameters));
}

describe('timelines', () => {
  it('of an incident hold exactly the events of its key between its first and last hit, of --access-key or --principal every event of the key or identity, in order, values intact', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async ({ work, signIns }) => {
        const start = '2026-11-20T08:00:00Z';
        const records = [
          ...work.map((w) =>
            event({
              time: at(start, w.minute),
              name: w.name,
              source: w.name === 'PutUserPolicy' ? 'iam.amazonaws.com' : 's3.amazonaws.com',
              identity: w.who,
              ua: w.ua,
              request: { note: w.note, quoted: `"${w.note}"\\` },
              ...(w.denied ? { error: 'AccessDenied' } : {}),
            }),
          ),
          ...signIns.map((s) => signIn(at(start, s.minute), s.who, { mfa: 'No' })),
        ];
        const { result } = await huntRecords(records);
        expect(result.incidents.length).toBeGreaterThan(0);
        const ordered = [...records].sort((a, b) => time(a).localeCompare(time(b)) || idOf(a).localeCompare(idOf(b)));
        for (const incident of result.incidents) {
          const expected = ordered.filter((r) => keyOf(r) === incident.actor && time(r) >= incident.start && time(r) <= incident.end);
          expect(incident.timeline.map((e) => e.eventId)).toEqual(expected.slice(0, TIMELINE_LIMIT).map(idOf));
          expect(incident.omitted).toBe(Math.max(0, expected.length - TIMELINE_LIMIT));
          incident.timeline.forEach((e, i) => expectSame(e, expected[i]!));
        }
        // --access-key: every event of the key, in order.
        const { result: one } = await huntRecords(records, { accessKey: alice.accessKeyId! });
        const ofAlice = ordered.filter((r) => keyOf(r) === alice.accessKeyId);
        expect(one.timeline?.map((e) => e.eventId)).toEqual(ofAlice.map(idOf));
        one.timeline?.forEach((e, i) => expectSame(e, ofAlice[i]!));
        // --principal: the same events, found by the identity's ARN.
        const { result: who } = await huntRecords(records, { principal: alice.arn! });
        expect(who.timeline?.map((e) => e.eventId)).toEqual(ofAlice.map(idOf));
      }),
      { numRuns: 15 },
    );
  });
});
