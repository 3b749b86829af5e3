// An evaluation result in a person's words: the deciding statements with why they applied, and for an implicit deny
// the layer without an Allow plus the statements that nearly allowed (action and resource matched, a condition did not).
import type { CompiledPolicy, CompiledStatement } from './compile.js';
import { describeCondition } from './conditions.js';
import type { CompiledInputs, Decided, EvalResult, Layer } from './evaluate.js';
import type { PreparedRequest } from './request.js';

export interface Explanation {
  /** `Deny at production-admin $.Statement[1] (Sid ...): ...` lines. */
  readonly lines: readonly string[];
}

export const where = (s: CompiledStatement): string => `${s.policy} ${s.statement.path}${s.statement.sid ? ` (${s.statement.sid})` : ''}`;

/** Why a statement applied: its conditions, each described, or that it had none. */
function because(s: CompiledStatement, req: PreparedRequest): string {
  if (s.conditions.length === 0) return 'action and resource match, no condition';
  return s.conditions.map((c) => describeCondition(c, req)).join('; ');
}

function policiesOf(inputs: CompiledInputs, layer: Layer, level?: number): readonly CompiledPolicy[] {
  switch (layer) {
    case 'identity':
      return inputs.identity;
    case 'resource':
      return inputs.resource ? [inputs.resource] : [];
    case 'boundary':
      return inputs.boundary ? [inputs.boundary] : [];
    case 'session':
      return inputs.session ? [inputs.session] : [];
    case 'scp':
      return inputs.scps[level ?? 0] ?? [];
    case 'rcp':
      return inputs.rcps[level ?? 0] ?? [];
  }
}

const LAYER_NAMES: Record<Layer, string> = {
  identity: 'identity policies',
  resource: 'resource policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'SCPs',
  rcp: 'RCPs',
};

const decided = (d: Decided, verb: string, req: PreparedRequest): string => `${verb} at ${where(d.statement)}: ${because(d.statement, req)}`;

export function explain(inputs: CompiledInputs, result: EvalResult, req: PreparedRequest): Explanation {
  if (result.decision === 'ExplicitDeny') return { lines: result.statements.map((d) => decided(d, 'Deny', req)) };
  if (result.decision === 'Allow') {
    if (result.statements.length === 0) return { lines: ['the account root user may do anything that no policy denies and every SCP and RCP level allows'] };
    return { lines: result.statements.map((d) => decided(d, `Allow (${LAYER_NAMES[d.layer]})`, req)) };
  }
  const missing = result.missing!;
  const lines = [`no Allow in the ${LAYER_NAMES[missing.layer]}: ${missing.why}`];
  for (const policy of policiesOf(inputs, missing.layer, missing.level)) {
    for (const s of policy.forAction(req.actionLower)) {
      if (s.effect !== 'Allow' || !s.matchesResource(req)) continue;
      const failed = s.conditions.filter((c) => !c.test(req));
      if (failed.length > 0) lines.push(`not applied: ${where(s)}: ${failed.map((c) => describeCondition(c, req)).join('; ')}`);
    }
  }
  return { lines };
}
