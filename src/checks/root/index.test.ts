// Every root check on the snapshots a real account or a lying emulator can produce: one outcome each, never a throw.
import { describe, expect, it } from 'vitest';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { STATUSES } from '../types.js';
import { options, snapshot, userRow, withoutAlternateContacts, withoutSection } from '../../../test/fixtures/snapshot.js';
import { rootChecks } from './index.js';

const odd: [string, AccountSnapshot][] = [
  ['summary without any key', snapshot({ iam: { summary: {} } })],
  ['credential report without a root row', snapshot({ iam: { credentialReport: { generatedAt: '2026-06-15T10:00:00Z', rows: [userRow('alice')] } } })],
  ['both at once', snapshot({ iam: { summary: {}, credentialReport: { generatedAt: '2026-06-15T10:00:00Z', rows: [] } } })],
  [
    'nothing collected',
    withoutAlternateContacts(
      ['summary', 'credentialReport', 'virtualMfaDevices'].reduce(
        (s, section) => withoutSection(s, section as keyof AccountSnapshot['iam'], { service: 'iam', operation: 'Whatever' }),
        snapshot(),
      ),
    ),
  ],
];

describe('root checks', () => {
  it('are registered in the order of CHECKS.md', () => {
    expect(rootChecks.map((c) => c.id)).toEqual(['root-mfa', 'root-hardware-mfa', 'root-access-keys', 'root-recent-use', 'account-contacts']);
    expect(new Set(rootChecks.map((c) => c.area))).toEqual(new Set(['root']));
  });

  it.each(odd)('give one outcome each, without throwing, on: %s', (_name, s) => {
    for (const check of rootChecks) {
      const outcomes = check.evaluate(s, options());
      expect(outcomes, check.id).toHaveLength(1);
      expect(STATUSES).toContain(outcomes[0]!.status);
      expect(outcomes[0]!.message, check.id).not.toMatch(/\n/);
    }
  });

  it('never PASS or FAIL when nothing could be collected', () => {
    const s = odd[3]![1];
    expect(rootChecks.map((c) => c.evaluate(s, options())[0]!.status)).toEqual(['UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN']);
  });
});
