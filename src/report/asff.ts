// AWS Security Finding Format (ASFF, SchemaVersion 2018-10-08), as BatchImportFindings takes it. Every required
// field is set; lengths are cut to the API's limits (Title 256, Description 1024, Recommendation 512), since one
// over-long message would otherwise fail its finding. Ids are account + check + resource, so importing again
// updates the same finding. PASS and NOT_APPLICABLE are PASSED / NOT_AVAILABLE and ARCHIVED: nothing open.
import type { Severity, Status } from '../checks/types.js';
import type { AuditOutput, AuditResult } from './audit-output.js';
import { checkMeta } from './check-meta.js';
import { findingKey } from './finding-key.js';
import { resultRegion } from './region.js';

export const ASFF_SCHEMA_VERSION = '2018-10-08';
export const ASFF_GENERATOR_PREFIX = 'rampart/';

export interface AsffOptions {
  /** The Security Hub region the findings are for (ProductArn, account-wide resources). */
  region: string;
  /** UpdatedAt; default the audit's collection time. */
  updatedAt?: string;
  /** CreatedAt of findings imported before, by Id: an update keeps the first sighting's time. */
  createdAt?: ReadonlyMap<string, string>;
}

export type ComplianceStatus = 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE';
export type RecordState = 'ACTIVE' | 'ARCHIVED';

/** The fields of an AwsSecurityFinding rampart sets; the SDK's type is wider. */
export interface AsffFinding {
  SchemaVersion: string;
  Id: string;
  ProductArn: string;
  ProductName: string;
  CompanyName: string;
  GeneratorId: string;
  AwsAccountId: string;
  Region: string;
  Types: string[];
  CreatedAt: string;
  UpdatedAt: string;
  Severity: { Label: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'; Original: string };
  Title: string;
  Description: string;
  Remediation: { Recommendation: { Text: string } };
  ProductFields: Record<string, string>;
  Resources: { Type: string; Id: string; Partition: string; Region: string }[];
  Compliance: { Status: ComplianceStatus; RelatedRequirements?: string[] };
  Workflow: { Status: 'NEW' | 'RESOLVED' };
  RecordState: RecordState;
}

const LABELS: Readonly<Record<Severity, AsffFinding['Severity']['Label']>> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFORMATIONAL',
};
const COMPLIANCE: Readonly<Record<Status, ComplianceStatus>> = {
  PASS: 'PASSED',
  FAIL: 'FAILED',
  // Security Hub's own word for a check that could not run (an API error) or does not apply.
  UNKNOWN: 'NOT_AVAILABLE',
  NOT_APPLICABLE: 'NOT_AVAILABLE',
  // Needs a person to look: Security Hub's WARNING is "more information is needed".
  MANUAL: 'WARNING',
};
const OPEN: readonly Status[] = ['FAIL', 'UNKNOWN', 'MANUAL'];

const RESOURCE_TYPES: [RegExp, string][] = [
  [/^arn:[^:]*:::\d{12}$/, 'AwsAccount'],
  [/^arn:[^:]*:iam::\d{12}:root$/, 'AwsAccount'],
  [/^arn:[^:]*:iam::\d{12}:user\/.*\/access-key-\d+$/, 'AwsIamAccessKey'],
  [/^arn:[^:]*:iam::\d{12}:user\//, 'AwsIamUser'],
  [/^arn:[^:]*:iam::\d{12}:role\//, 'AwsIamRole'],
  [/^arn:[^:]*:iam::\d{12}:group\//, 'AwsIamGroup'],
  [/^arn:[^:]*:iam::[^:]*:policy\//, 'AwsIamPolicy'],
  [/^arn:[^:]*:s3:::/, 'AwsS3Bucket'],
  [/^arn:[^:]*:cloudtrail:/, 'AwsCloudTrailTrail'],
  [/^arn:[^:]*:kms:/, 'AwsKmsKey'],
  [/^arn:[^:]*:sns:/, 'AwsSnsTopic'],
  [/^arn:[^:]*:logs:/, 'AwsLogsLogGroup'],
];

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const asffProductArn = (partition: string, region: string, accountId: string): string =>
  `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;

export const asffId = (accountId: string, checkId: string, resource: string): string =>
  `rampart/${accountId}/${checkId}/${findingKey(accountId, checkId, resource)}`;

function resourceOf(r: AuditResult, audit: AuditOutput, region: string): AsffFinding['Resources'][number] {
  const { id: account, partition } = audit.account;
  const own = resultRegion(r.resource);
  // A regional check's resource is the region itself: the finding is about the account, in that region.
  if (own === r.resource) return { Type: 'AwsAccount', Id: `AWS::::Account:${account}`, Partition: partition, Region: own };
  const type = RESOURCE_TYPES.find(([re]) => re.test(r.resource))?.[1] ?? 'Other';
  const id = type === 'AwsAccount' ? `AWS::::Account:${account}` : r.resource;
  return { Type: type, Id: cut(id, 512), Partition: partition, Region: own ?? region };
}

export function asffFinding(r: AuditResult, audit: AuditOutput, options: AsffOptions): AsffFinding {
  const meta = checkMeta(r.checkId);
  const { id: account, partition } = audit.account;
  const id = asffId(account, r.checkId, r.resource);
  const updatedAt = options.updatedAt ?? audit.collectedAt;
  const open = OPEN.includes(r.status);
  const cis = meta.sources.filter((s) => s.startsWith('CIS'));
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: id,
    ProductArn: asffProductArn(partition, options.region, account),
    ProductName: 'rampart',
    CompanyName: 'rampart',
    GeneratorId: `${ASFF_GENERATOR_PREFIX}${r.checkId}`,
    AwsAccountId: account,
    Region: options.region,
    Types: [
      cis.length
        ? 'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark'
        : 'Software and Configuration Checks/AWS Security Best Practices',
    ],
    CreatedAt: options.createdAt?.get(id) ?? audit.collectedAt,
    UpdatedAt: updatedAt,
    Severity: { Label: LABELS[r.severity], Original: r.severity },
    Title: cut(meta.title, 256),
    Description: cut(r.message || meta.title, 1024),
    Remediation: { Recommendation: { Text: cut(r.remediation.summary || meta.title, 512) } },
    ProductFields: {
      'rampart/checkId': r.checkId,
      'rampart/status': r.status,
      'rampart/area': r.area,
      'rampart/resource': cut(r.resource, 2048),
      'rampart/version': audit.tool.version,
    },
    Resources: [resourceOf(r, audit, options.region)],
    Compliance: { Status: COMPLIANCE[r.status], ...(cis.length ? { RelatedRequirements: cis.slice(0, 32) } : {}) },
    Workflow: { Status: open ? 'NEW' : 'RESOLVED' },
    RecordState: open ? 'ACTIVE' : 'ARCHIVED',
  };
}

/** Every result as an ASFF finding, for `--format asff` (a file for BatchImportFindings or a SIEM). */
export function renderAsff(audit: AuditOutput, options: AsffOptions): AsffFinding[] {
  return audit.results.map((r) => asffFinding(r, audit, options));
}

export const renderAsffString = (audit: AuditOutput, options: AsffOptions): string => `${JSON.stringify(renderAsff(audit, options), null, 2)}\n`;
