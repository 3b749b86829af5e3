// The plan: every planner's steps, in dependency order, with the rules that hold whoever wrote the planner:
// ids are unique, and root only does what only root should (the first-day bootstrap).
import type { AccountSnapshot } from '../inventory/snapshot.js';
import { InputError } from '../util/errors.js';
import { PLANNERS } from './planners.js';
import type { Caller, PlanContext, Planner, Step } from './types.js';

export function makePlan(ctx: PlanContext, planners: readonly Planner[] = PLANNERS): Step[] {
  const steps = planners.flatMap((planner) => planner.plan(ctx));
  assertUniqueIds(steps);
  const ordered = orderByDependencies(steps);
  return ctx.caller.isRoot ? ordered.map((step) => rootRule(step, adminName(ctx))) : ordered;
}

/** Who runs the plan, from the snapshot's GetCallerIdentity and the access key id the session signs with. */
export function callerOf(snapshot: AccountSnapshot, accessKeyId?: string): Caller {
  const arn = snapshot.caller?.arn;
  if (!arn) throw new InputError('the snapshot does not say who collected it (no caller): collect it again with this rampart');
  // arn:aws:iam::123456789012:root | ...:user/path/name | arn:aws:sts::...:assumed-role/Role/session | ...:federated-user/name
  const resource = arn.split(':').slice(5).join(':');
  const isRoot = /^arn:[\w-]+:iam::\d{12}:root$/.test(arn);
  const userName = /^arn:[\w-]+:iam::/.test(arn) && resource.startsWith('user/') ? (resource.split('/').at(-1) ?? null) : null;
  return { arn, isRoot, userName, longTermKeys: accessKeyId?.startsWith('AKIA') === true };
}

/**
 * Where regional resources go: the regions collected (spec.regions or --regions, limited to the enabled ones), else
 * spec.regions, else the session's home region.
 */
export function planRegions(snapshot: AccountSnapshot, spec: PlanContext['spec'], homeRegion: string): string[] {
  return snapshot.regions?.audited.length ? snapshot.regions.audited : (spec.regions ?? [homeRegion]);
}

function adminName(ctx: PlanContext): string {
  return (ctx.spec.admins !== false ? ctx.spec.admins.users[0] : undefined) ?? 'your admin user';
}

/** How a step left to the admin by the root rule is refused. */
export const ROOT_REFUSAL = 'runs as your admin user, not root';

/** Root signs in to create the admin and what protects it; everything else is the admin's job (seed 000). */
function rootRule(step: Step, admin: string): Step {
  if (step.rootAllowed || step.refused || (step.kind !== 'create' && step.kind !== 'update')) return step;
  return { ...step, refused: `${ROOT_REFUSAL}: sign in as ${admin} and run rampart apply again` };
}

function assertUniqueIds(steps: readonly Step[]): void {
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.id)) throw new Error(`internal error: two planned steps have the id "${step.id}"`);
    seen.add(step.id);
  }
}

/**
 * Stable topological order: a step comes after the steps it depends on, and otherwise keeps the planners' order.
 * A dependency on a step that is not planned (its section is off) does not constrain anything.
 */
export function orderByDependencies(steps: readonly Step[]): Step[] {
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const waitingOn = steps.map((s) => new Set((s.dependsOn ?? []).filter((d) => index.has(d) && d !== s.id)));
  const dependents = steps.map(() => [] as number[]);
  waitingOn.forEach((deps, i) => deps.forEach((d) => dependents[index.get(d)!]!.push(i)));
  const placed: Step[] = [];
  const done = new Set<number>();
  // Steps are few (tens): scanning for the first ready one keeps the order obvious.
  while (placed.length < steps.length) {
    const next = steps.findIndex((_, i) => !done.has(i) && waitingOn[i]!.size === 0);
    if (next < 0) {
      const stuck = steps.filter((_, i) => !done.has(i)).map((s) => s.id);
      throw new Error(`internal error: planned steps depend on each other in a cycle: ${stuck.join(', ')}`);
    }
    done.add(next);
    placed.push(steps[next]!);
    for (const d of dependents[next]!) waitingOn[d]!.delete(steps[next]!.id);
  }
  return placed;
}
