// `rampart apply` end to end, as a subprocess against the emulator: a first-day account goes to the baseline, a second
// apply changes nothing, and a denied service fails only its steps (an apply killed part-way: apply-killed-*.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failing, setup } from './apply-e2e-setup.js';

const WRITE = /:(Create|Put|Update|Attach|Add|Enable|Start|Subscribe|Set|Upload)/;
const writes = (calls: Record<string, number>) => Object.fromEntries(Object.entries(calls).filter(([op]) => WRITE.test(op)));

/** What is left after apply, each for a reason. */
const LEFT_AFTER_APPLY = [
  // manual: only root can enrol root's MFA; root was used yesterday to open the account
  'root-mfa FAIL',
  'root-recent-use FAIL',
  // manual: alice enrols her MFA device at her first sign-in (force-MFA lets her do only that)
  'user-console-mfa FAIL',
  // the caller's own user, which rampart never weakens: AdministratorAccess attached directly, with an access key
  'admin-access-keys FAIL',
  'admin-via-group FAIL',
  'user-policies-via-groups FAIL',
];

describe('rampart apply on a first-day account', () => {
  it('brings it to the baseline; a second apply changes nothing', async () => {
    const { emu, dir, apply, audit } = await setup();
    const first = await apply();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // the new admin's console password is in a 0600 file, and only its path is printed
    const secrets = readdirSync(join(dir, '.rampart', 'secrets'));
    expect(secrets).toHaveLength(1);
    const password = readFileSync(join(dir, '.rampart', 'secrets', secrets[0]!), 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(14);
    expect(first.stdout).not.toContain(password);

    emu.confirmSubscriptions(); // the person clicks the confirmation emails
    expect(failing(await audit())).toEqual(LEFT_AFTER_APPLY.sort());

    const before = writes(emu.calls());
    const second = await apply();
    expect(second.code).toBe(0);
    expect(writes(emu.calls())).toEqual(before);
    expect(second.stdout).not.toContain(password);
  });


  it('AccessDenied on CloudTrail fails the trail steps, names the action, and does everything else', async () => {
    const { apply, audit } = await setup([{ operation: 'cloudtrail:*', kind: 'AccessDenied' }]);
    const run = await apply();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/cloudtrail:(DescribeTrails|CreateTrail)/);
    const after = await audit();
    const status = (id: string) => after.results.find((r) => r.checkId === id)?.status;
    expect(status('password-policy-exists')).toBe('PASS');
    expect(status('budget-exists')).toBe('PASS');
    expect(status('guardduty-enabled')).toBe('PASS');
  });
});

