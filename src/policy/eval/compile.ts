// A Policy compiled for evaluation: action lists to case-insensitive matchers, resources to globs with variables,
// conditions to compiled tests. The statements that can apply to an action are looked up once per action name.
import { PolicyShapeError } from '../model.js';
import type { Policy, Statement } from '../types.js';
import { compileConditions, type CompiledCondition } from './conditions.js';
import { compileGlob, type Matcher } from './pattern.js';
import { matchPrincipal, notPrincipalApplies, type PrincipalMatch } from './principal.js';
import type { PreparedRequest } from './request.js';

/** A PolicyShapeError found while compiling, with the policy's name in front: `bucket.json: $.Statement[0]...: ...`. */
export class PolicyCompileError extends PolicyShapeError {
  override name = 'PolicyCompileError';
  constructor(
    readonly policy: string,
    inner: PolicyShapeError,
  ) {
    super(inner.path, inner.message.slice(inner.path.length + 2));
    this.message = `${policy}: ${inner.message}`;
  }
}

export interface CompiledStatement {
  readonly statement: Statement;
  /** The policy's name, for explanations. */
  readonly policy: string;
  readonly effect: 'Allow' | 'Deny';
  readonly conditions: readonly CompiledCondition[];
  matchesAction(actionLower: string): boolean;
  matchesResource(req: PreparedRequest): boolean;
  /** How the statement's Principal names the requester; `self` when the statement has no principal element. */
  principalMatch(req: PreparedRequest): PrincipalMatch | undefined;
  conditionsHold(req: PreparedRequest): boolean;
}

export interface CompiledPolicy {
  readonly name: string;
  readonly statements: readonly CompiledStatement[];
  /** The statements whose Action / NotAction covers this (lower-cased) action. */
  forAction(actionLower: string): readonly CompiledStatement[];
}

function anyOf(matchers: Matcher[]): Matcher {
  if (matchers.length === 1) return matchers[0]!;
  return (value, req) => {
    for (const m of matchers) if (m(value, req)) return true;
    return false;
  };
}

function actionMatcher(patterns: readonly string[]): (actionLower: string) => boolean {
  const exact = new Set(patterns.filter((p) => !/[*?]/.test(p)).map((p) => p.toLowerCase()));
  const globs = patterns.filter((p) => /[*?]/.test(p)).map((p) => compileGlob(p.toLowerCase(), { substitute: false }));
  return (action) => exact.has(action) || globs.some((g) => g(action, undefined as never));
}

function compileStatement(s: Statement, policy: string, substitute: boolean): CompiledStatement {
  const actions = s.action ? actionMatcher(s.action) : undefined;
  const notActions = s.notAction ? actionMatcher(s.notAction) : undefined;
  const resources = s.resource ? anyOf(s.resource.map((r) => compileGlob(r, { substitute }))) : undefined;
  const notResources = s.notResource ? anyOf(s.notResource.map((r) => compileGlob(r, { substitute }))) : undefined;
  const conditions = s.condition ? compileConditions(s.condition, substitute, `${s.path}.Condition`) : [];
  return {
    statement: s,
    policy,
    effect: s.effect,
    conditions,
    matchesAction: (a) => (actions ? actions(a) : !notActions!(a)),
    matchesResource(req) {
      if (resources) return resources(req.resource, req);
      if (notResources) return !notResources(req.resource, req);
      return true;
    },
    principalMatch(req) {
      if (s.principal !== undefined) return matchPrincipal(s.principal, req.principal);
      if (s.notPrincipal !== undefined) return notPrincipalApplies(s.notPrincipal, req.principal) ? 'self' : undefined;
      return 'self';
    },
    conditionsHold(req) {
      for (const c of conditions) if (!c.test(req)) return false;
      return true;
    },
  };
}

/** Compiles a policy; throws PolicyShapeError (naming the place) for operators or values AWS would reject. */
export function compilePolicy(policy: Policy, name = policy.source ?? 'policy'): CompiledPolicy {
  // Policy variables only exist in the 2012-10-17 language; older documents read `${...}` literally.
  const substitute = policy.version === '2012-10-17';
  let statements: CompiledStatement[];
  try {
    statements = policy.statements.map((s) => compileStatement(s, name, substitute));
  } catch (err) {
    if (err instanceof PolicyShapeError) throw new PolicyCompileError(name, err);
    throw err;
  }
  const byAction = new Map<string, readonly CompiledStatement[]>();
  return {
    name,
    statements,
    forAction(actionLower) {
      let hit = byAction.get(actionLower);
      if (hit === undefined) {
        if (byAction.size > 4096) byAction.clear();
        hit = statements.filter((s) => s.matchesAction(actionLower));
        byAction.set(actionLower, hit);
      }
      return hit;
    },
  };
}
