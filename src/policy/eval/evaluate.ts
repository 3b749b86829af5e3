// AWS's policy evaluation logic ("Policy evaluation logic", "Cross-account policy evaluation logic", IAM User Guide):
//  1. an explicit Deny in any applicable policy decides;
//  2. every level of RCPs (resource's account) and of SCPs (principal's account) must have an applicable Allow;
//  3. same account: a resource policy naming the user or the session itself allows on its own; naming the role it
//     stands in for the identity policies but the permissions boundary and session policy still limit it; naming the
//     account only delegates to the identity policies, which must then allow;
//  4. cross-account: the identity side (identity policies, boundary, session policy) and the resource policy must
//     both allow.
import type { Policy } from '../types.js';
import { compilePolicy, type CompiledPolicy, type CompiledStatement } from './compile.js';
import type { PrincipalMatch } from './principal.js';
import type { PreparedRequest } from './request.js';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
export type Layer = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp';

export interface PolicyInputs {
  readonly identity?: readonly Policy[];
  readonly resource?: Policy;
  readonly boundary?: Policy;
  readonly session?: Policy;
  /** SCP levels from the organization root down to the account; each level's policies must allow. */
  readonly scps?: readonly (readonly Policy[])[];
  /** RCP levels, likewise, for the resource's account. */
  readonly rcps?: readonly (readonly Policy[])[];
}

export interface CompiledInputs {
  readonly identity: readonly CompiledPolicy[];
  readonly resource?: CompiledPolicy;
  readonly boundary?: CompiledPolicy;
  readonly session?: CompiledPolicy;
  readonly scps: readonly (readonly CompiledPolicy[])[];
  readonly rcps: readonly (readonly CompiledPolicy[])[];
}

export interface Decided {
  readonly layer: Layer;
  /** SCP / RCP level, 0 = organization root. */
  readonly level?: number;
  readonly statement: CompiledStatement;
}

export interface EvalResult {
  readonly decision: Decision;
  /** ExplicitDeny: every applicable Deny. Allow: the Allow of each layer that had to allow. ImplicitDeny: none. */
  readonly statements: readonly Decided[];
  /** ImplicitDeny: the layer that had no applicable Allow, and why it was needed. */
  readonly missing?: { readonly layer: Layer; readonly level?: number; readonly why: string };
  /** How the request related to the resource's account. */
  readonly scope: 'same-account' | 'cross-account' | 'service';
}

/** Compiles every policy once; throws PolicyShapeError naming the policy's place for what AWS would reject. */
export function compileInputs(inputs: PolicyInputs): CompiledInputs {
  const one = (p: Policy | undefined, fallback: string) => (p ? compilePolicy(p, p.source ?? fallback) : undefined);
  const resource = one(inputs.resource, 'resource policy');
  const boundary = one(inputs.boundary, 'permissions boundary');
  const session = one(inputs.session, 'session policy');
  return {
    identity: (inputs.identity ?? []).map((p, i) => compilePolicy(p, p.source ?? `identity policy ${i + 1}`)),
    ...(resource ? { resource } : {}),
    ...(boundary ? { boundary } : {}),
    ...(session ? { session } : {}),
    scps: (inputs.scps ?? []).map((level, l) => level.map((p, i) => compilePolicy(p, p.source ?? `SCP ${l + 1}.${i + 1}`))),
    rcps: (inputs.rcps ?? []).map((level, l) => level.map((p, i) => compilePolicy(p, p.source ?? `RCP ${l + 1}.${i + 1}`))),
  };
}

/** Whether the statement applies to the request (action already matched): resource, principal, conditions. */
function applies(s: CompiledStatement, req: PreparedRequest, checkPrincipal: boolean): PrincipalMatch | undefined {
  if (!s.matchesResource(req)) return undefined;
  const match = checkPrincipal ? s.principalMatch(req) : 'self';
  if (match === undefined || !s.conditionsHold(req)) return undefined;
  return match;
}

function firstAllow(policies: readonly CompiledPolicy[], req: PreparedRequest, checkPrincipal: boolean): CompiledStatement | undefined {
  for (const p of policies) for (const s of p.forAction(req.actionLower)) if (s.effect === 'Allow' && applies(s, req, checkPrincipal)) return s;
  return undefined;
}

/** The resource policy's Allow naming the requester most directly (self over role over account). */
function resourceAllow(policy: CompiledPolicy | undefined, req: PreparedRequest): { statement: CompiledStatement; match: PrincipalMatch } | undefined {
  if (!policy) return undefined;
  let best: { statement: CompiledStatement; match: PrincipalMatch } | undefined;
  const rank = { self: 3, role: 2, account: 1 } as const;
  for (const s of policy.forAction(req.actionLower)) {
    if (s.effect !== 'Allow') continue;
    const match = applies(s, req, true);
    if (match && (!best || rank[match] > rank[best.match])) best = { statement: s, match };
  }
  return best;
}

export function evaluate(inputs: CompiledInputs, req: PreparedRequest): EvalResult {
  const p = req.principal;
  const scope = p.kind === 'service' ? 'service' : req.resourceAccount === p.account ? 'same-account' : 'cross-account';
  const identityApplies = p.kind !== 'service';

  // 1. Explicit deny anywhere.
  const denies: Decided[] = [];
  const collectDenies = (policies: readonly CompiledPolicy[], layer: Layer, checkPrincipal: boolean, level?: number) => {
    for (const policy of policies) {
      for (const s of policy.forAction(req.actionLower)) {
        if (s.effect !== 'Deny') continue;
        // AWS: a Deny with NotPrincipal always denies a principal that has a permissions boundary.
        const boundaryQuirk = checkPrincipal && s.statement.notPrincipal !== undefined && inputs.boundary !== undefined;
        if (boundaryQuirk ? s.matchesResource(req) && s.conditionsHold(req) : applies(s, req, checkPrincipal)) {
          denies.push({ layer, statement: s, ...(level !== undefined ? { level } : {}) });
        }
      }
    }
  };
  if (identityApplies) {
    collectDenies(inputs.identity, 'identity', false);
    if (inputs.boundary) collectDenies([inputs.boundary], 'boundary', false);
    if (inputs.session) collectDenies([inputs.session], 'session', false);
    inputs.scps.forEach((level, i) => collectDenies(level, 'scp', false, i));
  }
  if (inputs.resource) collectDenies([inputs.resource], 'resource', true);
  inputs.rcps.forEach((level, i) => collectDenies(level, 'rcp', true, i));
  if (denies.length > 0) return { decision: 'ExplicitDeny', statements: denies, scope };

  const implicit = (layer: Layer, why: string, level?: number): EvalResult => ({
    decision: 'ImplicitDeny',
    statements: [],
    missing: { layer, why, ...(level !== undefined ? { level } : {}) },
    scope,
  });

  // 2. Guardrails: every RCP and SCP level must allow.
  for (const [i, level] of inputs.rcps.entries()) {
    if (!firstAllow(level, req, true)) return implicit('rcp', `RCP level ${i + 1} (${level.map((x) => x.name).join(', ')}) has no applicable Allow`, i);
  }
  if (identityApplies) {
    for (const [i, level] of inputs.scps.entries()) {
      if (!firstAllow(level, req, false)) return implicit('scp', `SCP level ${i + 1} (${level.map((x) => x.name).join(', ')}) has no applicable Allow`, i);
    }
  }

  const fromResource = resourceAllow(inputs.resource, req);
  if (scope === 'service') {
    if (!fromResource) return implicit('resource', inputs.resource ? 'no statement of the resource policy allows this service principal' : 'a service principal needs a resource (or trust) policy that allows it');
    return { decision: 'Allow', statements: [{ layer: 'resource', statement: fromResource.statement }], scope };
  }

  const allows: Decided[] = [];
  const identityAllow = p.kind === 'root' ? undefined : firstAllow(inputs.identity, req, false);
  // A resource policy naming the role itself (not a session) is the role-level grant, as is `*` for a session.
  const grant = fromResource === undefined ? undefined : fromResource.match === 'self' && p.kind === 'role' ? 'role' : fromResource.match;

  if (scope === 'same-account') {
    if (grant === 'self') return { decision: 'Allow', statements: [{ layer: 'resource', statement: fromResource!.statement }], scope };
    if (p.kind !== 'root' && !identityAllow && grant !== 'role') {
      const why =
        grant === 'account'
          ? 'the resource policy names only the account, which leaves the decision to the identity policies, and none allows'
          : inputs.identity.length === 0
            ? 'no identity policy was given and no resource policy names the principal'
            : 'no identity policy allows it and no resource policy names the principal';
      return implicit('identity', why);
    }
    if (identityAllow) allows.push({ layer: 'identity', statement: identityAllow });
    else if (fromResource) allows.push({ layer: 'resource', statement: fromResource.statement });
  } else {
    if (p.kind !== 'root' && !identityAllow) return implicit('identity', `cross-account (principal in ${p.account}, resource in ${req.resourceAccount}): the principal's identity policies must allow`);
    if (!fromResource) {
      return implicit('resource', inputs.resource
        ? `cross-account: the resource policy in ${req.resourceAccount} must also allow this principal, and no statement does`
        : `cross-account: the resource in ${req.resourceAccount} needs a resource policy that allows this principal (none given)`);
    }
    if (identityAllow) allows.push({ layer: 'identity', statement: identityAllow });
    allows.push({ layer: 'resource', statement: fromResource.statement });
  }

  // 3. Limits on the identity side (the root user has neither).
  if (inputs.boundary && p.kind !== 'root') {
    const s = firstAllow([inputs.boundary], req, false);
    if (!s) return implicit('boundary', 'the permissions boundary has no applicable Allow');
    allows.push({ layer: 'boundary', statement: s });
  }
  if (inputs.session && p.kind !== 'root') {
    const s = firstAllow([inputs.session], req, false);
    if (!s) return implicit('session', 'the session policy has no applicable Allow');
    allows.push({ layer: 'session', statement: s });
  }
  return { decision: 'Allow', statements: allows, scope };
}
