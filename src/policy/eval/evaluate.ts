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

/** For one action: the statements of each layer that name it, flattened so that a request only walks arrays. */
interface ActionPlan {
  readonly denies: readonly { readonly layer: Layer; readonly level?: number; readonly checkPrincipal: boolean; readonly statement: CompiledStatement }[];
  readonly identity: readonly CompiledStatement[];
  readonly resource: readonly CompiledStatement[];
  readonly boundary: readonly CompiledStatement[];
  readonly session: readonly CompiledStatement[];
  readonly scps: readonly (readonly CompiledStatement[])[];
  readonly rcps: readonly (readonly CompiledStatement[])[];
}

export interface CompiledInputs {
  /** The per-action plan, built on first use of each action. */
  plan(actionLower: string): ActionPlan;
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
  const identity = (inputs.identity ?? []).map((p, i) => compilePolicy(p, p.source ?? `identity policy ${i + 1}`));
  const scps = (inputs.scps ?? []).map((level, l) => level.map((p, i) => compilePolicy(p, p.source ?? `SCP ${l + 1}.${i + 1}`)));
  const rcps = (inputs.rcps ?? []).map((level, l) => level.map((p, i) => compilePolicy(p, p.source ?? `RCP ${l + 1}.${i + 1}`)));
  const plans = new Map<string, ActionPlan>();
  const plan = (action: string): ActionPlan => {
    let hit = plans.get(action);
    if (hit) return hit;
    const named = (policies: readonly CompiledPolicy[]) => policies.flatMap((p) => p.forAction(action));
    const allows = (policies: readonly CompiledPolicy[]) => named(policies).filter((s) => s.effect === 'Allow');
    const denies: ActionPlan['denies'][number][] = [];
    const addDenies = (policies: readonly CompiledPolicy[], layer: Layer, checkPrincipal: boolean, level?: number) => {
      for (const statement of named(policies)) if (statement.effect === 'Deny') denies.push({ layer, checkPrincipal, statement, ...(level !== undefined ? { level } : {}) });
    };
    addDenies(identity, 'identity', false);
    if (boundary) addDenies([boundary], 'boundary', false);
    if (session) addDenies([session], 'session', false);
    scps.forEach((level, i) => addDenies(level, 'scp', false, i));
    if (resource) addDenies([resource], 'resource', true);
    rcps.forEach((level, i) => addDenies(level, 'rcp', true, i));
    hit = {
      denies,
      identity: allows(identity),
      resource: resource ? allows([resource]) : [],
      boundary: boundary ? allows([boundary]) : [],
      session: session ? allows([session]) : [],
      scps: scps.map(allows),
      rcps: rcps.map(allows),
    };
    if (plans.size >= 4096) plans.clear();
    plans.set(action, hit);
    return hit;
  };
  return {
    plan,
    identity,
    ...(resource ? { resource } : {}),
    ...(boundary ? { boundary } : {}),
    ...(session ? { session } : {}),
    scps,
    rcps,
  };
}

/** Whether the statement applies to the request (action already matched): resource, principal, conditions. */
function applies(s: CompiledStatement, req: PreparedRequest, checkPrincipal: boolean): PrincipalMatch | undefined {
  if (!s.matchesResource(req)) return undefined;
  const match = checkPrincipal ? s.principalMatch(req) : 'self';
  if (match === undefined || !s.conditionsHold(req)) return undefined;
  return match;
}

function firstAllow(allows: readonly CompiledStatement[], req: PreparedRequest, checkPrincipal: boolean): CompiledStatement | undefined {
  for (const s of allows) if (applies(s, req, checkPrincipal)) return s;
  return undefined;
}

/** The resource policy's Allow naming the requester most directly (self over role over account). */
const RANK = { self: 3, role: 2, account: 1 } as const;

function resourceAllow(allows: readonly CompiledStatement[], req: PreparedRequest): { statement: CompiledStatement; match: PrincipalMatch } | undefined {
  let best: { statement: CompiledStatement; match: PrincipalMatch } | undefined;
  for (const s of allows) {
    const match = applies(s, req, true);
    if (match && (!best || RANK[match] > RANK[best.match])) best = { statement: s, match };
  }
  return best;
}

export function evaluate(inputs: CompiledInputs, req: PreparedRequest): EvalResult {
  const p = req.principal;
  const scope = p.kind === 'service' ? 'service' : req.resourceAccount === p.account ? 'same-account' : 'cross-account';
  const identityApplies = p.kind !== 'service';

  const plan = inputs.plan(req.actionLower);

  // 1. Explicit deny anywhere.
  let denies: Decided[] | undefined;
  for (const d of plan.denies) {
    if (!identityApplies && !d.checkPrincipal) continue;
    const s = d.statement;
    // AWS: a Deny with NotPrincipal always denies a principal that has a permissions boundary.
    const boundaryQuirk = d.checkPrincipal && s.statement.notPrincipal !== undefined && inputs.boundary !== undefined;
    if (boundaryQuirk ? s.matchesResource(req) && s.conditionsHold(req) : applies(s, req, d.checkPrincipal)) {
      (denies ??= []).push({ layer: d.layer, statement: s, ...(d.level !== undefined ? { level: d.level } : {}) });
    }
  }
  if (denies) return { decision: 'ExplicitDeny', statements: denies, scope };

  const implicit = (layer: Layer, why: string, level?: number): EvalResult => ({
    decision: 'ImplicitDeny',
    statements: [],
    missing: { layer, why, ...(level !== undefined ? { level } : {}) },
    scope,
  });

  // 2. Guardrails: every RCP and SCP level must allow.
  const levelNames = (level: readonly CompiledPolicy[] | undefined) => (level ?? []).map((x) => x.name).join(', ');
  for (const [i, allows] of plan.rcps.entries()) {
    if (!firstAllow(allows, req, true)) return implicit('rcp', `RCP level ${i + 1} (${levelNames(inputs.rcps[i])}) has no applicable Allow`, i);
  }
  if (identityApplies) {
    for (const [i, allows] of plan.scps.entries()) {
      if (!firstAllow(allows, req, false)) return implicit('scp', `SCP level ${i + 1} (${levelNames(inputs.scps[i])}) has no applicable Allow`, i);
    }
  }

  const fromResource = resourceAllow(plan.resource, req);
  if (scope === 'service') {
    if (!fromResource) return implicit('resource', inputs.resource ? 'no statement of the resource policy allows this service principal' : 'a service principal needs a resource (or trust) policy that allows it');
    return { decision: 'Allow', statements: [{ layer: 'resource', statement: fromResource.statement }], scope };
  }

  const allows: Decided[] = [];
  const identityAllow = p.kind === 'root' ? undefined : firstAllow(plan.identity, req, false);
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
    const s = firstAllow(plan.boundary, req, false);
    if (!s) return implicit('boundary', 'the permissions boundary has no applicable Allow');
    allows.push({ layer: 'boundary', statement: s });
  }
  if (inputs.session && p.kind !== 'root') {
    const s = firstAllow(plan.session, req, false);
    if (!s) return implicit('session', 'the session policy has no applicable Allow');
    allows.push({ layer: 'session', statement: s });
  }
  return { decision: 'Allow', statements: allows, scope };
}
