// `rampart audit --to-security-hub`: the audit's findings into Security Hub, as findings of the account's default
// product. Ids are account + check + resource, and BatchImportFindings upserts by Id, so a second run updates the
// same findings; the ones imported before are read first (GetFindings on our ProductArn and GeneratorId prefix) to
// keep their CreatedAt and to resolve them: a finding whose check now passes is sent as Compliance PASSED and
// ARCHIVED, and one whose resource is gone (a deleted user) is archived. Passing results never imported before
// are not sent: Security Hub has nothing open to close. At most 100 findings per call, the API's limit.
import { BatchImportFindingsCommand, GetFindingsCommand, type AwsSecurityFinding, type SecurityHubClient } from '@aws-sdk/client-securityhub';
import { asffFinding, asffProductArn, ASFF_GENERATOR_PREFIX, type AsffFinding } from '../report/asff.js';
import type { AuditOutput } from '../report/audit-output.js';
import { RunError } from '../util/errors.js';

export const BATCH_LIMIT = 100;

export interface FailedFinding {
  id: string;
  code: string;
  message: string;
}

export interface ImportSummary {
  region: string;
  /** Findings Security Hub accepted: created + updated + resolved. */
  imported: number;
  created: number;
  /** Open before and still open (UpdatedAt moves on, CreatedAt kept). */
  updated: number;
  /** Open before, passing (or gone) now: archived. */
  resolved: number;
  failed: FailedFinding[];
  batches: number;
}

interface Existing {
  createdAt: string;
  active: boolean;
  finding: AwsSecurityFinding;
}

/** Security Hub's answer for a region that is not subscribed. */
const NOT_ENABLED = new Set(['InvalidAccessException']);

function notEnabled(err: unknown, region: string, account: string): never {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (NOT_ENABLED.has(name)) {
    throw new RunError(`Security Hub is not enabled in ${region} for account ${account}: enable it (rampart apply with securityHub: true, or aws securityhub enable-security-hub --region ${region}) or pick another --region`);
  }
  throw err;
}

async function readExisting(client: SecurityHubClient, productArn: string, account: string): Promise<Map<string, Existing>> {
  const existing = new Map<string, Existing>();
  let token: string | undefined;
  do {
    const page = await client.send(
      new GetFindingsCommand({
        Filters: {
          ProductArn: [{ Value: productArn, Comparison: 'EQUALS' }],
          AwsAccountId: [{ Value: account, Comparison: 'EQUALS' }],
          GeneratorId: [{ Value: ASFF_GENERATOR_PREFIX, Comparison: 'PREFIX' }],
        },
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const f of page.Findings ?? []) {
      if (!f.Id) continue;
      existing.set(f.Id, { createdAt: f.CreatedAt ?? '', active: f.RecordState !== 'ARCHIVED', finding: f });
    }
    token = page.NextToken;
  } while (token);
  return existing;
}

/** A finding imported before whose resource this audit no longer reports: closed, with what it said then. */
function archivedFrom(old: AwsSecurityFinding, now: string): AwsSecurityFinding {
  return {
    SchemaVersion: old.SchemaVersion,
    Id: old.Id,
    ProductArn: old.ProductArn,
    GeneratorId: old.GeneratorId,
    AwsAccountId: old.AwsAccountId,
    Types: old.Types,
    CreatedAt: old.CreatedAt,
    UpdatedAt: now,
    Severity: old.Severity,
    Title: old.Title,
    Description: old.Description,
    Resources: old.Resources,
    ...(old.ProductFields ? { ProductFields: old.ProductFields } : {}),
    Compliance: { Status: 'PASSED' },
    RecordState: 'ARCHIVED',
  };
}

export interface ImportOptions {
  region: string;
  /** UpdatedAt of this import. */
  now: Date;
  /**
   * The checks this audit evaluated (--check / --skip): an open finding of one of them that no result names any
   * more is archived (its user was deleted, say). Default: the checks with a result. Findings of other checks are
   * left as they are: not looking is not passing.
   */
  checks?: readonly string[];
}

export async function importToSecurityHub(client: SecurityHubClient, audit: AuditOutput, options: ImportOptions): Promise<ImportSummary> {
  const { id: account, partition } = audit.account;
  const productArn = asffProductArn(partition, options.region, account);
  const now = options.now.toISOString();
  const existing = await readExisting(client, productArn, account).catch((err: unknown) => notEnabled(err, options.region, account));
  const createdAt = new Map([...existing].map(([id, e]) => [id, e.createdAt]));

  const kinds = new Map<string, 'created' | 'updated' | 'resolved'>();
  const findings: (AsffFinding | AwsSecurityFinding)[] = [];
  for (const r of audit.results) {
    const f = asffFinding(r, audit, { region: options.region, updatedAt: now, createdAt });
    const before = existing.get(f.Id);
    if (f.RecordState === 'ARCHIVED' && !before) continue;
    if (f.RecordState === 'ARCHIVED' && before && !before.active) continue;
    kinds.set(f.Id, !before ? 'created' : f.RecordState === 'ARCHIVED' ? 'resolved' : 'updated');
    findings.push(f);
  }
  // Open findings of a check this audit ran that no result names any more: their resource is gone.
  const ran = new Set((options.checks ?? audit.results.map((r) => r.checkId)).map((id) => `${ASFF_GENERATOR_PREFIX}${id}`));
  for (const [id, e] of existing) {
    if (!e.active || kinds.has(id) || !ran.has(e.finding.GeneratorId ?? '')) continue;
    kinds.set(id, 'resolved');
    findings.push(archivedFrom(e.finding, now));
  }

  const summary: ImportSummary = { region: options.region, imported: 0, created: 0, updated: 0, resolved: 0, failed: [], batches: 0 };
  for (let i = 0; i < findings.length; i += BATCH_LIMIT) {
    const batch = findings.slice(i, i + BATCH_LIMIT);
    const out = await client
      .send(new BatchImportFindingsCommand({ Findings: batch as AwsSecurityFinding[] }))
      .catch((err: unknown) => notEnabled(err, options.region, account));
    summary.batches += 1;
    const failedIds = new Set<string>();
    for (const f of out.FailedFindings ?? []) {
      failedIds.add(f.Id ?? '');
      summary.failed.push({ id: f.Id ?? '', code: f.ErrorCode ?? 'Unknown', message: f.ErrorMessage ?? '' });
    }
    for (const f of batch) {
      if (failedIds.has(f.Id ?? '')) continue;
      summary.imported += 1;
      summary[kinds.get(f.Id ?? '') ?? 'updated'] += 1;
    }
  }
  return summary;
}
