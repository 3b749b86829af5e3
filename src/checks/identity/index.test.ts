import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { options, snapshot } from '../../../test/fixtures/snapshot.js';
import { identityChecks } from './index.js';

// The ids of the identity table of CHECKS.md, in order. Ids never change once shipped.
const CATALOGUE = [
  'admin-user-exists', 'admin-via-group', 'user-console-mfa', 'mfa-enforced', 'admin-access-keys', 'user-policies-via-groups', 'user-inactive',
  'access-key-unused', 'access-key-age', 'access-key-multiple-active', 'access-key-initial-setup', 'admin-star-policy', 'support-role',
  'server-certificates-expired', 'cloudshell-full-access',
];

describe('identity checks', () => {
  it('are registered in CHECKS.md order', () => {
    expect(identityChecks.map((c) => c.id)).toEqual(CATALOGUE);
  });

  it('each has metadata, console steps and CLI commands', () => {
    for (const c of identityChecks) {
      expect(c.area).toBe('identity');
      expect(c.sources.length).toBeGreaterThan(0);
      expect(c.remediation.console.length).toBeGreaterThan(0);
      expect(c.remediation.cli.length).toBeGreaterThan(0);
    }
  });

  it('live one per file, named by id', () => {
    for (const c of identityChecks) expect(() => readFileSync(new URL(`./${c.id}.ts`, import.meta.url))).not.toThrow();
  });

  it('give at least one result on an empty account and never throw on odd documents', () => {
    const odd = snapshot({ iam: { users: [{ name: 'x', id: 'AIDAX', arn: 'arn:aws:iam::123456789012:user/x', path: '/', createDate: '2026-01-01T00:00:00Z', groups: ['nope'], attachedPolicies: [], inlinePolicies: [{ name: 'bad', document: 'not json' }, { name: 'null', document: null }], permissionsBoundaryArn: null, tags: {} }] } });
    for (const s of [snapshot(), odd]) for (const c of identityChecks) expect(c.evaluate(s, options()).length).toBeGreaterThan(0);
  });
});
