import { describe, expect, it } from 'vitest';
import { customerPolicy, daysAgo, key, noKey, report, role, rootRow, snapshot, user, userRow, awsPolicy } from '../../test/fixtures/snapshot.js';
import { compareInventory } from './inventory.js';

describe('compareInventory', () => {
  it('names identities added and removed, by ARN, and ignores AWS-managed policies', () => {
    const older = snapshot({ iam: { users: [user('alice'), user('bob')], roles: [role('deploy')], policies: [awsPolicy('ReadOnlyAccess')] } });
    const newer = snapshot({
      iam: { users: [user('alice'), user('backup-svc')], roles: [role('deploy')], policies: [customerPolicy('Miner', {})] },
    });
    const inv = compareInventory(older, newer);
    expect(inv.identities.map((i) => [i.change, i.kind, i.name])).toEqual([
      ['added', 'user', 'backup-svc'],
      ['removed', 'user', 'bob'],
      ['added', 'policy', 'Miner'],
    ]);
    expect(inv.notCompared).toEqual([]);
  });

  it('says which parts one side did not collect instead of calling everything new', () => {
    const older = snapshot({ iam: { users: undefined } });
    const inv = compareInventory(older, snapshot({ iam: { users: [user('alice')] } }));
    expect(inv.identities).toEqual([]);
    expect(inv.notCompared).toEqual(['user']);
  });

  it('counts access keys created since the older snapshot, also for a user whose key count did not change', () => {
    const older = snapshot({ iam: { credentialReport: report(rootRow(), userRow('alice', { accessKeys: [key({ lastRotated: daysAgo(200) }), noKey] })) } });
    const newer = snapshot({
      iam: {
        credentialReport: report(
          rootRow(),
          // the old key deleted and a new one made: still one active key
          userRow('alice', { accessKeys: [key({ lastRotated: daysAgo(1) }), noKey] }),
          userRow('backup-svc', { accessKeys: [key({ lastRotated: daysAgo(1) }), key({ lastRotated: daysAgo(1) })] }),
        ),
      },
    });
    expect(compareInventory(older, newer).accessKeys).toEqual([
      { user: 'alice', activeBefore: 1, activeAfter: 1, created: 1 },
      { user: 'backup-svc', activeBefore: 0, activeAfter: 2, created: 2 },
    ]);
  });
});
