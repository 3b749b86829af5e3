// The sample data itself: every monitoring check of CHECKS.md has it, the events look like CloudTrail's, and each
// CIS form catches the required events (so an event is only required when CIS requires it).
import { describe, expect, it } from 'vitest';
import { CIS_EVENTS, MONITORING_CHECK_IDS } from './cis-events.js';
import { matches } from './match.js';
import { parsePattern } from './parse.js';

// The monitoring table of CHECKS.md: id and CIS item, in its order.
const CATALOGUE: [id: string, cis: string][] = [
  ['alarm-unauthorized-api-calls', 'CIS 5.1'],
  ['alarm-console-login-without-mfa', 'CIS 5.2'],
  ['alarm-root-usage', 'CIS 5.3'],
  ['alarm-iam-policy-changes', 'CIS 5.4'],
  ['alarm-cloudtrail-changes', 'CIS 5.5'],
  ['alarm-console-auth-failures', 'CIS 5.6'],
  ['alarm-kms-cmk-deletion', 'CIS 5.7'],
  ['alarm-s3-bucket-policy-changes', 'CIS 5.8'],
  ['alarm-config-changes', 'CIS 5.9'],
  ['alarm-security-group-changes', 'CIS 5.10'],
  ['alarm-nacl-changes', 'CIS 5.11'],
  ['alarm-network-gateway-changes', 'CIS 5.12'],
  ['alarm-route-table-changes', 'CIS 5.13'],
  ['alarm-vpc-changes', 'CIS 5.14'],
  ['alarm-organizations-changes', 'CIS 5.15'],
];

describe('CIS_EVENTS', () => {
  it('covers exactly the monitoring checks of CHECKS.md, in its order, with their CIS items', () => {
    expect(MONITORING_CHECK_IDS.map((id) => [id, CIS_EVENTS[id].cis])).toEqual(CATALOGUE);
    for (const id of MONITORING_CHECK_IDS) expect(CIS_EVENTS[id].checkId).toBe(id);
  });

  describe.each(MONITORING_CHECK_IDS)('%s', (id) => {
    const spec = CIS_EVENTS[id];
    const all = [...spec.mustMatch, ...spec.shouldNotMatch];

    it('has required events and labels that tell them apart', () => {
      expect(spec.mustMatch.length).toBeGreaterThan(0);
      expect(spec.shouldNotMatch.length).toBeGreaterThan(0);
      expect(new Set(all.map((s) => s.label)).size).toBe(all.length);
    });

    it('builds events with the fields CloudTrail writes, and a label naming their event and source', () => {
      for (const { label, event } of all) {
        for (const field of ['eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'eventID', 'eventType', 'recipientAccountId']) {
          expect(event, `${label}: ${field}`).toHaveProperty(field);
        }
        const shown = label.match(/\(([a-z0-9.-]+\.amazonaws\.com)/)?.[1];
        if (shown && shown !== event.sourceIPAddress) expect(event.eventSource, label).toBe(shown);
        if (/^[A-Z][A-Za-z]+ \(/.test(label)) expect(label.startsWith(`${String(event.eventName)} `), label).toBe(true);
      }
    });

    it('parses every CIS form; each catches every required event', () => {
      for (const form of [spec.reference, ...spec.otherCisForms]) {
        const parsed = parsePattern(form);
        expect(parsed.ok, form).toBe(true);
        if (!parsed.ok) continue;
        for (const s of spec.mustMatch) expect(matches(parsed.pattern, s.event), `${form}\n  on ${s.label}`).toBe(true);
      }
    });

    it('has a reference that leaves every shouldNotMatch event alone', () => {
      const parsed = parsePattern(spec.reference);
      if (!parsed.ok) throw new Error('reference does not parse');
      for (const s of spec.shouldNotMatch) expect(matches(parsed.pattern, s.event), s.label).toBe(false);
    });
  });
});

