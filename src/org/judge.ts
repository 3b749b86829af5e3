// The organization-level guard rails, judged from the SCPs and the management account's trails. An SCP protects every
// account only when it is attached to the root; attached to some OUs or accounts it protects those, which we say.
import { asList, effectIs, field, statementsOf, type PolicyStatement } from '../checks/identity/permissions.js';
import { wildcardRegex } from '../policy/lint/elements.js';
import type { Trail } from '../inventory/schema/logging.js';
import type { OrgFacts, OrgFinding, OrgScp } from './types.js';

const deniesAction = (s: PolicyStatement, action: string): boolean =>
  effectIs(s, 'Deny') && asList(field(s, 'Action')).some((a) => wildcardRegex(a).test(action));

/** The condition's keys, lower-cased, whatever the operator: enough to tell what a deny is scoped to. */
function conditionKeys(s: PolicyStatement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const block = field(s, 'Condition');
  if (typeof block !== 'object' || block === null) return out;
  for (const keys of Object.values(block as Record<string, unknown>)) {
    if (typeof keys !== 'object' || keys === null) continue;
    for (const [k, v] of Object.entries(keys as Record<string, unknown>)) out.set(k.toLowerCase(), asList(v));
  }
  return out;
}

interface GuardRail {
  id: string;
  severity: OrgFinding['severity'];
  what: string;
  fix: string;
  matches(s: PolicyStatement): boolean;
}

const RAILS: readonly GuardRail[] = [
  {
    id: 'org-scp-deny-leave',
    severity: 'medium',
    what: 'an SCP denies organizations:LeaveOrganization',
    fix: 'attach to the root an SCP with {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}',
    matches: (s) => deniesAction(s, 'organizations:LeaveOrganization') && conditionKeys(s).size === 0,
  },
  {
    id: 'org-scp-deny-root',
    severity: 'medium',
    what: "an SCP denies the member accounts' root user",
    fix: 'attach to the root an SCP denying "*" when aws:PrincipalArn is like "arn:aws:iam::*:root"',
    // "Deny everything to root": any deny broad enough to cover launching instances, scoped to root principals.
    matches: (s) => deniesAction(s, 'ec2:RunInstances') && (conditionKeys(s).get('aws:principalarn') ?? []).some((v) => /:root$/.test(v)),
  },
  {
    id: 'org-scp-region-deny',
    severity: 'low',
    what: 'an SCP denies the regions the organization does not use',
    fix: 'attach to the root an SCP denying actions when aws:RequestedRegion is not one of the regions in use (exempt global services)',
    matches: (s) => effectIs(s, 'Deny') && conditionKeys(s).has('aws:requestedregion'),
  },
];

function judgeRail(rail: GuardRail, scps: readonly OrgScp[]): OrgFinding {
  const holders = scps.filter((p) => statementsOf(p.document).some(rail.matches));
  const atRoot = holders.filter((p) => p.targets.some((t) => t.type === 'ROOT'));
  const base = { id: rail.id, severity: rail.severity, fix: rail.fix };
  if (atRoot.length > 0) return { ...base, status: 'PASS', message: `${rail.what} for every account (${atRoot.map((p) => p.name).join(', ')}, on the root)` };
  const attached = holders.filter((p) => p.targets.length > 0);
  if (attached.length > 0) {
    const where = attached.flatMap((p) => p.targets.map((t) => t.id));
    return { ...base, status: 'FAIL', message: `${rail.what} only where attached (${where.join(', ')}), not on the root: the other accounts are not covered` };
  }
  return { ...base, status: 'FAIL', message: `no SCP attached anywhere: ${rail.what.replace(/^an SCP /, 'nothing ')}` };
}

/** `trails`: the management account's (null when not collected). */
export function judgeOrganization(facts: OrgFacts, trails: readonly Trail[] | null): OrgFinding[] {
  const findings: OrgFinding[] = RAILS.map((rail) =>
    facts.scps === null
      ? { id: rail.id, severity: rail.severity, status: 'UNKNOWN', message: `SCPs could not be read: ${facts.errors[0] ?? 'unknown error'}`, fix: rail.fix }
      : judgeRail(rail, facts.scps),
  );
  const orgTrail = trails?.find((t) => t.isOrganizationTrail && t.isMultiRegion && t.isLogging !== false);
  findings.push({
    id: 'org-trail',
    severity: 'high',
    status: trails === null ? 'UNKNOWN' : orgTrail ? 'PASS' : 'FAIL',
    message:
      trails === null
        ? "the management account's trails were not collected"
        : orgTrail
          ? `organization trail ${orgTrail.name} logs every account in every region`
          : 'no multi-region organization trail is logging: a member account can stop its own trail unseen',
    fix: 'create a multi-region organization trail from the management account (aws cloudtrail create-trail --is-organization-trail --is-multi-region-trail ...)',
  });
  return findings;
}
