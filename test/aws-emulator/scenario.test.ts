import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveDate } from './dates.js';
import { startEmulator } from './index.js';
import { loadScenario, parseScenario, ScenarioError } from './scenario.js';
import { largeScenario } from './scenarios/generate.js';
import { CLEAN, LEAKY, NOW } from './test-helpers.js';
import { buildWorld } from './world.js';

describe('dates', () => {
  it('resolves relative dates against the clock', () => {
    expect(resolveDate('-120d', NOW).toISOString()).toBe('2026-02-15T12:00:00.000Z');
    expect(resolveDate('+30d', NOW).toISOString()).toBe('2026-07-15T12:00:00.000Z');
    expect(resolveDate('-6h', NOW).toISOString()).toBe('2026-06-15T06:00:00.000Z');
    expect(resolveDate('now', NOW)).toEqual(NOW);
    expect(resolveDate('2024-01-02T03:04:05Z', NOW).toISOString()).toBe('2024-01-02T03:04:05.000Z');
  });
});

describe('scenario files', () => {
  it.each([LEAKY, CLEAN])('%s is valid and consistent', async (path) => {
    const scenario = await loadScenario(path);
    const world = buildWorld(scenario, NOW);
    expect(world.users.length).toBeGreaterThan(0);
  });

  it('leaky-account has the incident of seed 002', () => {
    const world = buildWorld(parseScenario(JSON.parse(readFileSync(LEAKY, 'utf8'))), NOW);
    expect(world.root.mfa).toBe('none');
    expect(world.root.accessKeys.filter((k) => k.active)).toHaveLength(1);
    const admin = world.users.find((u) => u.name === 'dev-admin');
    expect(admin?.attachedPolicies).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(admin?.password).not.toBeNull();
    expect(admin?.mfaDevices).toEqual([]);
    const key = admin?.accessKeys[0];
    expect((NOW.getTime() - (key?.created.getTime() ?? 0)) / 86_400_000).toBeGreaterThanOrEqual(200);
    expect(key?.lastUsed?.date).toEqual(new Date(NOW.getTime() - 86_400_000));
    const bot = world.users.find((u) => u.name === 'deploy-bot');
    expect(bot?.accessKeys[0]?.created).toEqual(bot?.created);
    expect(bot?.accessKeys[0]?.lastUsed).toBeNull();
    expect(world.passwordPolicy).toBeNull();
    expect(world.alternateContacts).toEqual({});
    expect(world.serverCertificates[0]?.expiration.getTime()).toBeLessThan(NOW.getTime());
  });
});

describe('validation', () => {
  it('names the misspelled field', () => {
    expect(() => parseScenario({ account: { id: '111111111111' }, root: { mfa: 'none' }, users: [{ name: 'a', created: '-1d', pasword: {} }] })).toThrow(
      /pasword/,
    );
    expect(() => parseScenario({ account: { id: '1' }, root: { mfa: 'none' } })).toThrow(ScenarioError);
    expect(() => parseScenario({ account: { id: '111111111111' }, root: { mfa: 'none' }, users: [{ name: 'a', created: 'last tuesday' }] })).toThrow(
      /relative date/,
    );
  });

  it('rejects references to groups and policies that do not exist, and duplicates', () => {
    const base = { account: { id: '111111111111' }, root: { mfa: 'none' as const } };
    expect(() => buildWorld(parseScenario({ ...base, users: [{ name: 'a', created: '-1d', groups: ['ghosts'] }] }), NOW)).toThrow(/no group ghosts/);
    expect(() =>
      buildWorld(parseScenario({ ...base, users: [{ name: 'a', created: '-1d', attachedPolicies: ['arn:aws:iam::aws:policy/NoSuchPolicy'] }] }), NOW),
    ).toThrow(/no managed policy/);
    expect(() => buildWorld(parseScenario({ ...base, users: [{ name: 'a', created: '-1d' }, { name: 'a', created: '-2d' }] }), NOW)).toThrow(/duplicate user a/);
  });

  it('startEmulator rejects a bad scenario file with its path', async () => {
    await expect(startEmulator({ scenario: '/nonexistent/scenario.json' })).rejects.toThrow(/nonexistent/);
  });
});

describe('largeScenario', () => {
  it('is deterministic and has the asked-for size', () => {
    const a = largeScenario({ users: 500, roles: 100, policies: 300 });
    expect(JSON.stringify(largeScenario({ users: 500, roles: 100, policies: 300 }))).toBe(JSON.stringify(a));
    const world = buildWorld(parseScenario(a), NOW);
    expect(world.users).toHaveLength(500);
    expect(world.roles).toHaveLength(100);
    expect(world.policies.filter((p) => !p.awsManaged)).toHaveLength(300);
    expect(world.users.some((u) => u.accessKeys.length === 2)).toBe(true);
    expect(world.users.some((u) => u.password && u.mfaDevices.length === 0)).toBe(true);
  });
});
