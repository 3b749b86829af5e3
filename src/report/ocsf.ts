// OCSF 1.1.0 Compliance Finding (class_uid 2003, category Findings): rampart's checks are configuration checks
// against a standard (CIS, the seeds), which is what Compliance Finding models: a control, the standards it comes
// from and a pass/fail status. Detection Finding (2004) is for detections of activity (a CloudTrail hunt), and has
// no place for "this control passed". Every result is an event, passes included, so a data lake sees fixes too.
import type { Severity, Status } from '../checks/types.js';
import type { AuditOutput, AuditResult } from './audit-output.js';
import { checkMeta } from './check-meta.js';
import { findingKey } from './finding-key.js';
import { resultRegion } from './region.js';

export const OCSF_VERSION = '1.1.0';
export const OCSF_COMPLIANCE_FINDING = { class_uid: 2003, class_name: 'Compliance Finding', category_uid: 2, category_name: 'Findings' } as const;
const ACTIVITY_CREATE = 1;

const SEVERITY_IDS: Readonly<Record<Severity, [number, string]>> = {
  info: [1, 'Informational'],
  low: [2, 'Low'],
  medium: [3, 'Medium'],
  high: [4, 'High'],
  critical: [5, 'Critical'],
};
/** compliance.status_id: 0 Unknown, 1 Pass, 2 Warning, 3 Fail, 99 Other. */
const COMPLIANCE_STATUS: Readonly<Record<Status, [number, string]>> = {
  PASS: [1, 'Pass'],
  FAIL: [3, 'Fail'],
  UNKNOWN: [0, 'Unknown'],
  MANUAL: [2, 'Warning'],
  NOT_APPLICABLE: [99, 'Not applicable'],
};
/** The finding's own status_id: 1 New, 4 Resolved; a passing control has nothing open. */
const FINDING_STATUS = (s: Status): [number, string] => (s === 'PASS' || s === 'NOT_APPLICABLE' ? [4, 'Resolved'] : [1, 'New']);

function event(r: AuditResult, audit: AuditOutput) {
  const meta = checkMeta(r.checkId);
  const [severityId, severity] = SEVERITY_IDS[r.severity];
  const [complianceId, compliance] = COMPLIANCE_STATUS[r.status];
  const [statusId, status] = FINDING_STATUS(r.status);
  const region = resultRegion(r.resource);
  const time = Date.parse(audit.collectedAt);
  return {
    ...OCSF_COMPLIANCE_FINDING,
    activity_id: ACTIVITY_CREATE,
    activity_name: 'Create',
    type_uid: OCSF_COMPLIANCE_FINDING.class_uid * 100 + ACTIVITY_CREATE,
    type_name: 'Compliance Finding: Create',
    time,
    severity_id: severityId,
    severity,
    status_id: statusId,
    status,
    message: r.message,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'rampart', vendor_name: 'rampart', version: audit.tool.version },
    },
    finding_info: {
      uid: `rampart-${findingKey(audit.account.id, r.checkId, r.resource)}`,
      title: meta.title,
      desc: r.message,
      types: [r.area],
      created_time: time,
    },
    compliance: {
      control: r.checkId,
      standards: meta.sources.length ? [...meta.sources] : ['rampart baseline'],
      status_id: complianceId,
      status: compliance,
    },
    remediation: { desc: r.remediation.summary },
    resources: [{ uid: r.resource, ...(region ? { region } : {}), cloud_partition: audit.account.partition }],
    cloud: {
      provider: 'AWS',
      account: { uid: audit.account.id, type_id: 10, type: 'AWS Account', ...(audit.account.alias ? { name: audit.account.alias } : {}) },
      ...(region ? { region } : {}),
    },
    unmapped: { rampart: { status: r.status, area: r.area } },
  };
}

/** One OCSF event per result, as a JSON array (what a Security Lake custom source or a SIEM batch import takes). */
export function renderOcsf(audit: AuditOutput): object[] {
  return audit.results.map((r) => event(r, audit));
}

export const renderOcsfString = (audit: AuditOutput): string => `${JSON.stringify(renderOcsf(audit), null, 2)}\n`;
