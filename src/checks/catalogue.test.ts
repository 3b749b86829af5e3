// The catalogue as CHECKS.md fixes it: ids never change, and area and severity are part of the contract.
import { describe, expect, it } from 'vitest';
import { allChecks } from './index.js';
import { AREAS, SEVERITIES } from './types.js';

const CATALOGUE: [id: string, area: string, severity: string][] = [
  ['root-mfa', 'root', 'critical'],
  ['root-hardware-mfa', 'root', 'low'],
  ['root-access-keys', 'root', 'critical'],
  ['root-recent-use', 'root', 'high'],
  ['account-contacts', 'root', 'low'],
  ['admin-user-exists', 'identity', 'high'],
  ['admin-via-group', 'identity', 'medium'],
  ['user-console-mfa', 'identity', 'high'],
  ['mfa-enforced', 'identity', 'medium'],
  ['admin-access-keys', 'identity', 'high'],
  ['user-policies-via-groups', 'identity', 'low'],
  ['user-inactive', 'identity', 'medium'],
  ['access-key-unused', 'identity', 'medium'],
  ['access-key-age', 'identity', 'medium'],
  ['access-key-multiple-active', 'identity', 'low'],
  ['access-key-initial-setup', 'identity', 'low'],
  ['admin-star-policy', 'identity', 'high'],
  ['support-role', 'identity', 'low'],
  ['server-certificates-expired', 'identity', 'low'],
  ['cloudshell-full-access', 'identity', 'low'],
  ['password-policy-exists', 'password-policy', 'medium'],
  ['password-min-length', 'password-policy', 'medium'],
  ['password-complexity', 'password-policy', 'low'],
  ['password-reuse', 'password-policy', 'medium'],
  ['password-max-age', 'password-policy', 'low'],
  ['password-allow-change', 'password-policy', 'low'],
  ['budget-exists', 'cost', 'high'],
  ['budget-alerts', 'cost', 'high'],
  ['billing-alarm', 'cost', 'medium'],
  ['cost-anomaly-monitor', 'cost', 'low'],
  ['cost-usage-report', 'cost', 'low'],
  ['cloudtrail-multi-region', 'logging', 'critical'],
  ['cloudtrail-log-validation', 'logging', 'medium'],
  ['cloudtrail-kms', 'logging', 'medium'],
  ['cloudtrail-cloudwatch-logs', 'logging', 'medium'],
  ['cloudtrail-bucket-not-public', 'logging', 'high'],
  ['cloudtrail-bucket-access-logging', 'logging', 'low'],
  ['cloudtrail-s3-data-events', 'logging', 'low'],
  ['kms-key-rotation', 'logging', 'medium'],
  ['config-recorder', 'logging', 'medium'],
  ['config-rules', 'logging', 'low'],
  ['alarm-unauthorized-api-calls', 'monitoring', 'low'],
  ['alarm-console-login-without-mfa', 'monitoring', 'medium'],
  ['alarm-root-usage', 'monitoring', 'high'],
  ['alarm-iam-policy-changes', 'monitoring', 'medium'],
  ['alarm-cloudtrail-changes', 'monitoring', 'medium'],
  ['alarm-console-auth-failures', 'monitoring', 'low'],
  ['alarm-kms-cmk-deletion', 'monitoring', 'low'],
  ['alarm-s3-bucket-policy-changes', 'monitoring', 'low'],
  ['alarm-config-changes', 'monitoring', 'low'],
  ['alarm-security-group-changes', 'monitoring', 'low'],
  ['alarm-nacl-changes', 'monitoring', 'low'],
  ['alarm-network-gateway-changes', 'monitoring', 'low'],
  ['alarm-route-table-changes', 'monitoring', 'low'],
  ['alarm-vpc-changes', 'monitoring', 'low'],
  ['alarm-organizations-changes', 'monitoring', 'low'],
  ['s3-account-public-access-block', 'exposure', 'high'],
  ['access-analyzer', 'exposure', 'medium'],
  ['guardduty-enabled', 'exposure', 'medium'],
  ['securityhub-enabled', 'exposure', 'low'],
  ['policy-valid', 'policy', 'high'],
  ['policy-unknown-action', 'policy', 'medium'],
  ['policy-resource-missing', 'policy', 'low'],
  ['policy-privilege-escalation', 'policy', 'high'],
];

describe('the check catalogue', () => {
  it('has exactly the ids of CHECKS.md, in its order, with its areas and severities', () => {
    expect(allChecks.map((c) => [c.id, c.area, c.severity])).toEqual(CATALOGUE);
  });

  it('gives every check a title, sources and a remediation with console steps and a CLI command', () => {
    for (const c of allChecks) {
      expect(c.title, c.id).not.toBe('');
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      expect(c.remediation.summary, c.id).not.toBe('');
      expect(c.remediation.console.length, c.id).toBeGreaterThan(0);
      expect(c.remediation.cli.length, c.id).toBeGreaterThan(0);
      expect(AREAS).toContain(c.area);
      expect(SEVERITIES).toContain(c.severity);
    }
  });
});
