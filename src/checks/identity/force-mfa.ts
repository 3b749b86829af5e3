// Recognises the force-MFA policy of seeds 001/003 (AWS's "manage own credentials only with MFA" example) by meaning,
// not by text: a Deny that, when `aws:MultiFactorAuthPresent` is false, covers every action except MFA self-service.
//
// A statement qualifies when:
// - Effect is Deny and Resource is `*` (no NotResource);
// - NotAction lists only actions from MFA_SELF_SERVICE_ACTIONS (exact names, any case; a wildcard exemption such as
//   `iam:*` or `iam:List*` cannot be proven harmless here, so it does not qualify), or Action is `*` / `*:*`;
// - its only condition is Bool or BoolIfExists (operator in any case) on aws:MultiFactorAuthPresent (key in any
//   case) with the value false (string in any case or boolean, scalar or array). Another condition would narrow the
//   deny (conditions are ANDed), so it does not qualify.
// Bool and BoolIfExists both count: the check is about console users, whose sessions always carry the key.
// (BoolIfExists also stops long-term access keys; that is what access-key checks are for.)
import { asList, effectIs, field, statementsOf, type PolicyRef, type PolicyStatement } from './permissions.js';

/** What a user without MFA may still do: set up MFA and sign in again. Lower case for comparison. */
export const MFA_SELF_SERVICE_ACTIONS: readonly string[] = [
  'iam:CreateVirtualMFADevice',
  'iam:DeleteVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:ResyncMFADevice',
  'iam:GetMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:GetUser',
  'iam:ListUsers',
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'iam:GetLoginProfile',
  'iam:GetAccountSummary',
  'iam:ListAccountAliases',
  'sts:GetSessionToken',
].map((a) => a.toLowerCase());

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isFalse = (v: unknown): boolean => v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');

/** The condition is exactly Bool/BoolIfExists { aws:MultiFactorAuthPresent: false }. */
export function isMfaAbsentCondition(condition: unknown): boolean {
  if (!isObject(condition)) return false;
  const operators = Object.entries(condition);
  if (operators.length !== 1) return false;
  const [operator, block] = operators[0] ?? [];
  if (typeof operator !== 'string' || !/^bool(ifexists)?$/i.test(operator) || !isObject(block)) return false;
  const keys = Object.entries(block);
  if (keys.length !== 1) return false;
  const [key, value] = keys[0] ?? [];
  const values = Array.isArray(value) ? value : [value];
  return key?.toLowerCase() === 'aws:multifactorauthpresent' && values.length > 0 && values.every(isFalse);
}

function coversAllButSelfService(s: PolicyStatement): boolean {
  const notAction = field(s, 'NotAction');
  if (notAction !== undefined) {
    return field(s, 'Action') === undefined && asList(notAction).every((a) => MFA_SELF_SERVICE_ACTIONS.includes(a.toLowerCase()));
  }
  return asList(field(s, 'Action')).some((a) => a === '*' || a === '*:*');
}

export function isForceMfaStatement(s: PolicyStatement): boolean {
  return (
    effectIs(s, 'Deny') &&
    field(s, 'NotResource') === undefined &&
    asList(field(s, 'Resource')).includes('*') &&
    coversAllButSelfService(s) &&
    isMfaAbsentCondition(field(s, 'Condition'))
  );
}

export const forcesMfa = (document: unknown): boolean => statementsOf(document).some(isForceMfaStatement);

/** The first of a user's effective policies that forces MFA, or null. */
export const forceMfaPolicy = (policies: readonly PolicyRef[]): PolicyRef | null => policies.find((p) => forcesMfa(p.document)) ?? null;
