// Security Hub findings: BatchImportFindings (POST /findings/import) and GetFindings (POST /findings), kept per
// world and region. What AWS does and the emulator models: a request carries 1 to 100 findings (more or none is
// InvalidInputException for the whole request); each finding is validated on its own and a bad one lands in
// FailedFindings (ErrorCode InvalidInput) while the rest import; a finding is upserted by ProductArn + Id; a finding
// whose Compliance.Status becomes PASSED while its Workflow.Status is NEW or NOTIFIED is set to RESOLVED, and a
// RESOLVED one that is active or failing again is NEW again; an account
// not subscribed in the region gets InvalidAccessException (401). GetFindings filters on string fields (EQUALS,
// PREFIX, NOT_EQUALS) and pages with MaxResults (max 100) and NextToken.
import { ApiError } from '../errors.js';
import type { RequestContext, RestRequest, RestRoute } from '../service.js';
import type { World } from '../world.js';
import { factsHere, regionOf } from './region-facts.js';

export type StoredFinding = Record<string, unknown> & { Id: string; ProductArn: string };

/** Per emulated account: by region, then by `ProductArn Id`. Tests read them back through GetFindings. */
const stores = new WeakMap<World, Map<string, Map<string, StoredFinding>>>();

/**
 * Test hook: finding Ids every emulator refuses with a per-finding InternalFailure, as AWS sometimes does, to
 * exercise partial failures. Module-wide (the emulator's state is not exposed): a test clears what it adds.
 */
export const refusedFindingIds = new Set<string>();

const regionFindings = (ctx: RequestContext): Map<string, StoredFinding> => {
  let byRegion = stores.get(ctx.world);
  if (!byRegion) stores.set(ctx.world, (byRegion = new Map()));
  const region = regionOf(ctx);
  let found = byRegion.get(region);
  if (!found) byRegion.set(region, (found = new Map()));
  return found;
};

function jsonBody(req: RestRequest): Record<string, unknown> {
  try {
    const parsed: unknown = req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    /* answered below */
  }
  throw new ApiError('InvalidInputException', 'The request body is not valid JSON.', 400);
}

function requireHub(ctx: RequestContext): void {
  if (!factsHere(ctx).securityHub) {
    throw new ApiError('InvalidAccessException', `Account ${ctx.world.account.id} is not subscribed to AWS Security Hub`, 401);
  }
}

const isText = (v: unknown, max = Infinity): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isDate = (v: unknown): boolean => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const SEVERITY_LABELS = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const COMPLIANCE = ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'];

/** Why AWS would refuse this finding, or null. */
function invalid(f: Record<string, unknown>, ctx: RequestContext): string | null {
  const { id: account, partition } = ctx.world.account;
  for (const key of ['SchemaVersion', 'Id', 'ProductArn', 'GeneratorId', 'AwsAccountId']) {
    if (!isText(f[key], 512)) return `${key} is required`;
  }
  if (f['SchemaVersion'] !== '2018-10-08') return 'SchemaVersion must be 2018-10-08';
  const product = `arn:${partition}:securityhub:${regionOf(ctx)}:${account}:product/${account}/default`;
  if (f['ProductArn'] !== product) return `ProductArn ${String(f['ProductArn'])} is not a product this account can import to in ${regionOf(ctx)}`;
  if (!/^\d{12}$/.test(String(f['AwsAccountId']))) return 'AwsAccountId must be a 12-digit account id';
  if (!isDate(f['CreatedAt']) || !isDate(f['UpdatedAt'])) return 'CreatedAt and UpdatedAt must be ISO-8601 timestamps';
  if (!isText(f['Title'], 256)) return 'Title is required, at most 256 characters';
  if (!isText(f['Description'], 1024)) return 'Description is required, at most 1024 characters';
  const types = f['Types'];
  if (!Array.isArray(types) || types.length === 0 || types.length > 50 || !types.every((t) => isText(t))) return 'Types must list 1 to 50 types';
  const sev = f['Severity'] as Record<string, unknown> | undefined;
  if (!sev || (!SEVERITY_LABELS.includes(String(sev['Label'])) && typeof sev['Normalized'] !== 'number')) return 'Severity.Label is required';
  const resources = f['Resources'];
  if (!Array.isArray(resources) || resources.length === 0 || resources.length > 32) return 'Resources must list 1 to 32 resources';
  for (const r of resources as Record<string, unknown>[]) if (!isText(r?.['Type']) || !isText(r?.['Id'], 512)) return 'each resource needs Type and Id';
  const compliance = f['Compliance'] as Record<string, unknown> | undefined;
  if (compliance && compliance['Status'] !== undefined && !COMPLIANCE.includes(String(compliance['Status']))) return 'Compliance.Status is not valid';
  if (f['RecordState'] !== undefined && f['RecordState'] !== 'ACTIVE' && f['RecordState'] !== 'ARCHIVED') return 'RecordState is not valid';
  return null;
}

function upsert(f: StoredFinding, ctx: RequestContext): void {
  const findings = regionFindings(ctx);
  const key = `${f.ProductArn} ${f.Id}`;
  const before = findings.get(key);
  const workflow = { Status: ((f['Workflow'] as Record<string, unknown> | undefined)?.['Status'] as string | undefined) ?? 'NEW' };
  if (before) {
    // Once created, the workflow is the analyst's (BatchUpdateFindings): an import only moves it to RESOLVED when
    // the control now passes.
    const was = (before['Workflow'] as { Status: string }).Status;
    workflow.Status = was;
    const passed = (f['Compliance'] as Record<string, unknown> | undefined)?.['Status'] === 'PASSED';
    const reopened = before['RecordState'] === 'ARCHIVED' && (f['RecordState'] ?? 'ACTIVE') === 'ACTIVE';
    if (passed && (was === 'NEW' || was === 'NOTIFIED')) workflow.Status = 'RESOLVED';
    // A resolved finding that is back (active again, or failing again) is NEW again.
    else if (!passed && was === 'RESOLVED' && (reopened || f['Compliance'] !== undefined)) workflow.Status = 'NEW';
  }
  findings.set(key, {
    ...f,
    Workflow: workflow,
    RecordState: f['RecordState'] ?? 'ACTIVE',
    FirstObservedAt: before?.['FirstObservedAt'] ?? ctx.now.toISOString(),
    ProcessedAt: ctx.now.toISOString(),
  });
}

type Filter = { Value?: string; Comparison?: string };

function matches(f: StoredFinding, filters: Record<string, unknown>): boolean {
  for (const [field, raw] of Object.entries(filters)) {
    const list = raw as Filter[];
    if (!Array.isArray(list) || list.length === 0) continue;
    const value = String(field === 'ComplianceStatus' ? ((f['Compliance'] as Record<string, unknown> | undefined)?.['Status'] ?? '') : (f[field] ?? ''));
    const positive = list.filter((c) => c.Comparison !== 'NOT_EQUALS' && c.Comparison !== 'PREFIX_NOT_EQUALS');
    const negative = list.filter((c) => !positive.includes(c));
    const test = (c: Filter): boolean => (c.Comparison?.startsWith('PREFIX') ? value.startsWith(c.Value ?? '') : value === c.Value);
    if (negative.some(test)) return false;
    if (positive.length && !positive.some(test)) return false;
  }
  return true;
}

export const findingRoutes: RestRoute<unknown>[] = [
  {
    method: 'POST',
    path: '/findings/import',
    operation: 'BatchImportFindings',
    handler(req, ctx) {
      const body = jsonBody(req);
      const findings = body['Findings'];
      if (!Array.isArray(findings) || findings.length < 1 || findings.length > 100) {
        throw new ApiError('InvalidInputException', 'Findings must contain between 1 and 100 findings', 400);
      }
      requireHub(ctx);
      const failed: { Id: string; ErrorCode: string; ErrorMessage: string }[] = [];
      for (const f of findings as Record<string, unknown>[]) {
        const problem = invalid(f, ctx);
        const id = typeof f['Id'] === 'string' ? f['Id'] : '';
        if (problem) failed.push({ Id: id, ErrorCode: 'InvalidInput', ErrorMessage: problem });
        else if (refusedFindingIds.has(id)) failed.push({ Id: id, ErrorCode: 'InternalFailure', ErrorMessage: 'Internal failure while importing the finding' });
        else upsert(f as StoredFinding, ctx);
      }
      return { body: { FailedCount: failed.length, SuccessCount: findings.length - failed.length, FailedFindings: failed } };
    },
  },
  {
    method: 'POST',
    path: '/findings',
    operation: 'GetFindings',
    handler(req, ctx) {
      const body = jsonBody(req);
      requireHub(ctx);
      const max = body['MaxResults'] === undefined ? 100 : Number(body['MaxResults']);
      if (!Number.isInteger(max) || max < 1 || max > 100) throw new ApiError('InvalidInputException', 'MaxResults must be between 1 and 100', 400);
      const start = body['NextToken'] === undefined ? 0 : Number(Buffer.from(String(body['NextToken']), 'base64').toString('utf8'));
      if (!Number.isInteger(start) || start < 0) throw new ApiError('InvalidInputException', 'The NextToken is not valid', 400);
      const filters = (body['Filters'] as Record<string, unknown> | undefined) ?? {};
      const all = [...regionFindings(ctx).values()].filter((f) => matches(f, filters));
      const page = all.slice(start, start + max);
      const next = start + max < all.length ? Buffer.from(String(start + max)).toString('base64') : undefined;
      return { body: { Findings: page, ...(next ? { NextToken: next } : {}) } };
    },
  },
];
