// Meaning against the account: privilege escalation, MFA on sensitive actions, ARNs that name nothing.
import { closest } from '../../../util/closest.js';
import { actionsOf } from '../../catalogue.js';
import { ESCALATION_PATHS, type EscalationPath } from '../../escalation-paths.js';
import { allowedBy, coveringEntry, grantTable } from '../../grants.js';
import { conditionEntries, effectOf, elementEntries, wildcardRegex } from '../elements.js';
import { lookup } from '../snapshot-index.js';
import type { Entry, Issue, LintRule, RawStatement } from '../types.js';

/** The escalation paths a set of statements allows, each with the entries that grant its actions. */
export function escalations(statements: readonly RawStatement[]): { path: EscalationPath; grants: Entry[] }[] {
  const table = grantTable(statements);
  // Statements that reach beyond the principal itself: `user/${aws:username}` lets a user manage only its own keys.
  const beyondSelf = grantTable(statements.filter((s) => !elementEntries(s, 'Resource').length || elementEntries(s, 'Resource').some((r) => !r.value.includes('${aws:username}'))));
  const memoized = new Map<string, Entry | undefined>();
  const allowed = (action: string, selfIsSafe: boolean) => {
    const key = `${selfIsSafe}:${action}`;
    if (!memoized.has(key)) memoized.set(key, allowedBy(selfIsSafe ? { allows: beyondSelf.allows, denies: table.denies } : table, action));
    return memoized.get(key);
  };
  return ESCALATION_PATHS.flatMap((path) => {
    const grants = path.actions.map((a) => allowed(a, path.selfIsSafe === true));
    return grants.every((g) => g !== undefined) ? [{ path, grants: grants as Entry[] }] : [];
  });
}

export const privilegeEscalation: LintRule = {
  id: 'privilege-escalation',
  severity: 'high',
  description: 'The policy does not allow a known privilege-escalation path (iam:PassRole with ec2:RunInstances, iam:CreatePolicyVersion, iam:AttachUserPolicy, ...)',
  check({ statements }) {
    // "*" on "*" is reported as such; listing every path it allows says nothing more.
    const all = statements.some((s) => effectOf(s) === 'Allow' && elementEntries(s, 'Action').some((e) => e.value === '*' || e.value === '*:*'));
    if (all) return [];
    return escalations(statements).map(({ path, grants }) => ({
      path: grants[0]!.path,
      message: `allows ${path.actions.join(' + ')}: a principal with this policy ${path.explanation} (privilege escalation)`,
      fix: `Remove ${path.actions.length > 1 ? 'one of these actions' : path.actions[0]}, or limit it to resources that cannot grant more (specific ARNs, iam:PassedToService, a permissions boundary).`,
    }));
  },
};

/** Destructive and IAM-changing actions: the ones seed 003 wants behind MFA. */
const DESTRUCTIVE = /^(Delete|Terminate|Remove|Disable|Stop|Detach|Deactivate|Purge|Cancel|Close|Leave|Deregister|ScheduleKeyDeletion|DisableKey)/;
const isSensitive = (service: string, name: string, accessLevel: string): boolean =>
  accessLevel.includes('Write') && (DESTRUCTIVE.test(name) || service === 'iam' || service === 'organizations' || accessLevel.includes('Permissions management'));

const MFA_KEYS = ['aws:multifactorauthpresent', 'aws:multifactorauthage'];
const requiresMfa = (s: RawStatement): boolean =>
  conditionEntries(s).some((c) => MFA_KEYS.includes(c.key.toLowerCase()) && (c.key.toLowerCase() === 'aws:multifactorauthage' || (/^Bool$/.test(c.operator) && c.values.every((v) => v.value.toLowerCase() === 'true'))));
const deniesWithoutMfa = (s: RawStatement): boolean =>
  effectOf(s) === 'Deny' && conditionEntries(s).some((c) => c.key.toLowerCase() === 'aws:multifactorauthpresent' && /^Bool(IfExists)?$/.test(c.operator) && c.values.every((v) => v.value.toLowerCase() === 'false'));

/** The sensitive actions an Allow entry matches (`*` counts as one, without listing every service). */
function sensitiveActions(e: Entry): string[] {
  if (e.value === '*' || e.value === '*:*') return ['*'];
  const i = e.value.indexOf(':');
  if (i <= 0 || /[*?]/.test(e.value.slice(0, i))) return [];
  const service = e.value.slice(0, i).toLowerCase();
  const re = wildcardRegex(e.value.slice(i + 1));
  return actionsOf(service)
    .filter((a) => re.test(a.name) && isSensitive(service, a.name, a.accessLevel))
    .map((a) => `${service}:${a.name}`);
}

export const mfaMissing: LintRule = {
  id: 'mfa-missing',
  severity: 'medium',
  description: 'With --require-mfa: every Allow of a destructive or IAM-changing action requires MFA (a Bool aws:MultiFactorAuthPresent condition, or a Deny when MFA is absent)',
  check({ statements, options }) {
    if (!options.requireMfa) return [];
    const mfaDenies = statements.filter(deniesWithoutMfa);
    const covered = (action: string) => mfaDenies.some((d) => (action === '*' ? elementEntries(d, 'Action').some((e) => e.value === '*') || 'NotAction' in d.raw : coveringEntry(d, action)));
    return statements.flatMap((s) => {
      if (effectOf(s) !== 'Allow' || requiresMfa(s)) return [];
      return elementEntries(s, 'Action').flatMap((e): Issue[] => {
        const open = sensitiveActions(e).filter((a) => !covered(a));
        if (open.length === 0) return [];
        const shown = open.slice(0, 3).join(', ') + (open.length > 3 ? ` and ${open.length - 3} more` : '');
        return [{ path: e.path, message: `allows ${e.value === '*' ? 'every action' : shown} without MFA`, fix: 'Add "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}} to this statement, or a Deny of these actions with "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}.' }];
      });
    });
  },
};

export const resourceMissing: LintRule = {
  id: 'resource-missing',
  severity: 'low',
  description: 'With --snapshot: ARNs without wildcards name resources that exist in the account (IAM says only "Access Denied" for a typo)',
  check({ statements, options }) {
    const index = options.snapshot;
    if (!index) return [];
    return statements.flatMap((s) =>
      elementEntries(s, 'Resource').flatMap((e): Issue[] => {
        const found = lookup(index, e.value);
        if (!found || found.known.includes(found.name)) return [];
        const near = closest(found.name, [...found.known]);
        return [{ path: e.path, message: `no ${found.kind} named ${found.name} in account ${index.account}${near ? ` (did you mean ${near}?)` : ''}`, fix: near ? `Write ${e.value.slice(0, e.value.length - found.name.length)}${near}.` : 'Copy the ARN from the resource itself.' }];
      }),
    );
  },
};

export const accountRules: LintRule[] = [privilegeEscalation, mfaMissing, resourceMissing];
