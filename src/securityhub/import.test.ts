// The Security Hub import through the real SDK client against the emulator: created once, updated (not
// duplicated) the second time with CreatedAt kept, resolved when the check passes or the resource is gone,
// batches of 100, partial failures reported, and a region without Security Hub one clear error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { describe, expect, it } from 'vitest';
import { refusedFindingIds } from '../../test/aws-emulator/services/securityhub-findings.js';
import { useEmulatedEnvironment } from '../../test/aws-emulator/emulated-env.js';
import type { Emulator, Scenario } from '../../test/aws-emulator/index.js';
import { exampleAudit } from '../../test/report/audits.js';
import { asffId } from '../report/asff.js';
import type { AuditOutput, AuditResult } from '../report/audit-output.js';
import { RunError } from '../util/errors.js';
import { BATCH_LIMIT, importToSecurityHub } from './import.js';

const scenarioPath = join(import.meta.dirname, '../../test/aws-emulator/scenarios/leaky-account.json');
const CALLER = 'AKIADEVADMIN00000001';
const REGION = 'eu-west-1';

/** The leaky account (same id as the example audit), with Security Hub subscribed in REGION or not. */
function scenario(hub: boolean): Scenario {
  const s = JSON.parse(readFileSync(scenarioPath, 'utf8')) as Scenario & { regional?: Record<string, Record<string, unknown>> };
  s.regional = { ...(s.regional ?? {}), [REGION]: { ...(s.regional?.[REGION] ?? {}), securityHub: hub ? { subscribed: '-30d', autoEnableControls: true } : null } };
  return s;
}

const client = (emu: Emulator) =>
  new SecurityHubClient({ endpoint: emu.endpoint, region: REGION, credentials: { accessKeyId: CALLER, secretAccessKey: 'test-secret-not-a-canary' }, maxAttempts: 1 });

/** Every finding in the region, read back through GetFindings page by page. */
async function stored(emu: Emulator): Promise<AwsSecurityFinding[]> {
  const all: AwsSecurityFinding[] = [];
  let token: string | undefined;
  do {
    const page = await client(emu).send(new GetFindingsCommand({ MaxResults: 100, ...(token ? { NextToken: token } : {}) }));
    all.push(...(page.Findings ?? []));
    token = page.NextToken;
  } while (token);
  return all;
}
const isOpen = (r: AuditResult) => r.status === 'FAIL' || r.status === 'UNKNOWN' || r.status === 'MANUAL';

describe('importToSecurityHub', () => {
  const env = useEmulatedEnvironment();

  it('imports the open findings once, then updates them in place, keeping CreatedAt', async () => {
    const emu = await env.start(scenario(true));
    const audit = await exampleAudit('leaky-account');
    const open = audit.results.filter(isOpen);
    const first = await importToSecurityHub(client(emu), audit, { region: REGION, now: new Date('2026-06-15T12:00:00Z') });
    expect(first).toMatchObject({ imported: open.length, created: open.length, updated: 0, resolved: 0, failed: [] });
    expect(first.batches).toBe(Math.ceil(open.length / BATCH_LIMIT));
    const before = new Map((await stored(emu)).map((f) => [f.Id, f]));
    expect(before.size).toBe(open.length);

    const second = await importToSecurityHub(client(emu), audit, { region: REGION, now: new Date('2026-06-16T12:00:00Z') });
    expect(second).toMatchObject({ imported: open.length, created: 0, updated: open.length, resolved: 0, failed: [] });
    const after = await stored(emu);
    expect(after).toHaveLength(open.length);
    for (const f of after) {
      expect(f.CreatedAt).toBe(before.get(f.Id)!.CreatedAt);
      expect(f.UpdatedAt).toBe('2026-06-16T12:00:00.000Z');
      expect(f.RecordState).toBe('ACTIVE');
    }
  });

  it('resolves a finding whose check now passes, and archives one whose resource is gone', async () => {
    const emu = await env.start(scenario(true));
    const audit = await exampleAudit('leaky-account');
    await importToSecurityHub(client(emu), audit, { region: REGION, now: new Date('2026-06-15T12:00:00Z') });
    const [fixed, gone] = audit.results.filter((r) => r.status === 'FAIL' && r.resource.includes(':user/'));
    const later: AuditOutput = {
      ...audit,
      results: audit.results.filter((r) => r !== gone).map((r) => (r === fixed ? { ...r, status: 'PASS' as const } : r)),
    };
    // The user behind `gone` was deleted: its check still ran, it has no result any more.
    const checks = audit.results.map((r) => r.checkId);
    const summary = await importToSecurityHub(client(emu), later, { region: REGION, now: new Date('2026-06-16T12:00:00Z'), checks });
    expect(summary.resolved).toBe(2);
    expect(summary.created).toBe(0);
    const byId = new Map((await stored(emu)).map((f) => [f.Id, f]));
    const a = audit.account.id;
    for (const r of [fixed!, gone!]) {
      const f = byId.get(asffId(a, r.checkId, r.resource))!;
      expect(f.RecordState).toBe('ARCHIVED');
      expect(f.Compliance?.Status).toBe('PASSED');
      expect(f.Workflow?.Status).toBe('RESOLVED');
    }
    // Resolved ones stay resolved and are not sent again.
    const third = await importToSecurityHub(client(emu), later, { region: REGION, now: new Date('2026-06-17T12:00:00Z'), checks });
    expect(third.resolved).toBe(0);
    expect(await stored(emu)).toHaveLength(byId.size);
    // And one that fails again is open again, the same finding.
    const fourth = await importToSecurityHub(client(emu), audit, { region: REGION, now: new Date('2026-06-18T12:00:00Z'), checks });
    expect(fourth).toMatchObject({ created: 0, resolved: 0 });
    const back = (await stored(emu)).find((f) => f.Id === asffId(a, fixed!.checkId, fixed!.resource))!;
    expect([back.RecordState, back.Workflow?.Status, back.Compliance?.Status]).toEqual(['ACTIVE', 'NEW', 'FAILED']);
    expect(await stored(emu)).toHaveLength(byId.size);
  });

  it('sends 250 findings in 3 batches of at most 100', async () => {
    const emu = await env.start(scenario(true));
    const audit = await exampleAudit('leaky-account');
    const template = audit.results.find((r) => r.status === 'FAIL')!;
    const many: AuditOutput = {
      ...audit,
      results: Array.from({ length: 250 }, (_, i) => ({ ...template, resource: `arn:aws:iam::${audit.account.id}:user/u${i}` })),
    };
    const summary = await importToSecurityHub(client(emu), many, { region: REGION, now: new Date('2026-06-15T12:00:00Z') });
    expect(summary).toMatchObject({ imported: 250, created: 250, batches: 3 });
    // The emulator refuses a call of more than 100 findings, as AWS does: three calls, all accepted.
    expect(emu.calls()['securityhub:BatchImportFindings']).toBe(3);
    expect(await stored(emu)).toHaveLength(250);
  });

  it('reports the findings Security Hub refused and imports the rest', async () => {
    const emu = await env.start(scenario(true));
    const audit = await exampleAudit('leaky-account');
    const open = audit.results.filter(isOpen);
    const refused = asffId(audit.account.id, open[3]!.checkId, open[3]!.resource);
    refusedFindingIds.add(refused);
    const summary = await importToSecurityHub(client(emu), audit, { region: REGION, now: new Date('2026-06-15T12:00:00Z') }).finally(() => refusedFindingIds.delete(refused));
    expect(summary.failed).toEqual([{ id: refused, code: 'InternalFailure', message: 'Internal failure while importing the finding' }]);
    expect(summary.imported).toBe(open.length - 1);
    expect((await stored(emu)).map((f) => f.Id)).not.toContain(refused);
  });

  it('says Security Hub is not enabled, as a RunError (exit 3)', async () => {
    const emu = await env.start(scenario(false));
    const audit = await exampleAudit('leaky-account');
    const err = await importToSecurityHub(client(emu), audit, { region: REGION, now: new Date() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as Error).message).toMatch(/^Security Hub is not enabled in eu-west-1 for account 123456789012/);
  });
});
