// Raw JSON (already parsed) -> Policy. Strict where the evaluator needs it to be (element names are case-sensitive
// as in AWS, Effect is Allow or Deny, one of Action/NotAction) and silent on everything else: the linter, not this
// function, explains grammar to a person. A document this cannot read throws PolicyShapeError naming the place.
import type { ConditionBlock, Policy, Principal, Statement } from './types.js';

export class PolicyShapeError extends Error {
  override name = 'PolicyShapeError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON scalar as the string IAM compares it as (true -> "true", 10 -> "10"). */
export const scalarText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

function stringList(value: unknown, path: string): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    if (typeof item !== 'string') throw new PolicyShapeError(Array.isArray(value) ? `${path}[${i}]` : path, 'expected a string');
    return item;
  });
}

function principalOf(value: unknown, path: string): Principal {
  if (value === '*') return '*';
  if (!isObject(value)) throw new PolicyShapeError(path, 'expected "*" or an object such as {"AWS": [...]}');
  const out: Record<string, string[]> = {};
  for (const [type, ids] of Object.entries(value)) out[type] = stringList(ids, `${path}.${type}`);
  return out;
}

function conditionOf(value: unknown, path: string): ConditionBlock {
  if (!isObject(value)) throw new PolicyShapeError(path, 'expected an object of operators');
  const out: Record<string, Record<string, string[]>> = {};
  for (const [operator, keys] of Object.entries(value)) {
    if (!isObject(keys)) throw new PolicyShapeError(`${path}.${operator}`, 'expected an object of condition keys');
    const byKey: Record<string, string[]> = {};
    for (const [key, raw] of Object.entries(keys)) {
      const items = Array.isArray(raw) ? raw : [raw];
      byKey[key] = items.map((item, i) => {
        const text = scalarText(item);
        if (text === undefined) throw new PolicyShapeError(`${path}.${operator}.${key}${Array.isArray(raw) ? `[${i}]` : ''}`, 'expected a string, number or boolean');
        return text;
      });
    }
    out[operator] = byKey;
  }
  return out;
}

function statementOf(raw: unknown, path: string): Statement {
  if (!isObject(raw)) throw new PolicyShapeError(path, 'a statement must be an object');
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') throw new PolicyShapeError(`${path}.Effect`, 'Effect must be "Allow" or "Deny"');
  if (('Action' in raw) === ('NotAction' in raw)) throw new PolicyShapeError(path, 'a statement needs exactly one of Action and NotAction');
  if ('Resource' in raw && 'NotResource' in raw) throw new PolicyShapeError(path, 'a statement cannot have both Resource and NotResource');
  const sid = raw.Sid;
  return {
    ...(typeof sid === 'string' ? { sid } : {}),
    effect,
    ...('Action' in raw ? { action: stringList(raw.Action, `${path}.Action`) } : {}),
    ...('NotAction' in raw ? { notAction: stringList(raw.NotAction, `${path}.NotAction`) } : {}),
    ...('Resource' in raw ? { resource: stringList(raw.Resource, `${path}.Resource`) } : {}),
    ...('NotResource' in raw ? { notResource: stringList(raw.NotResource, `${path}.NotResource`) } : {}),
    ...('Principal' in raw ? { principal: principalOf(raw.Principal, `${path}.Principal`) } : {}),
    ...('NotPrincipal' in raw ? { notPrincipal: principalOf(raw.NotPrincipal, `${path}.NotPrincipal`) } : {}),
    ...('Condition' in raw ? { condition: conditionOf(raw.Condition, `${path}.Condition`) } : {}),
    path,
  };
}

/** A parsed JSON document (or its JSON text, as IAM stores it) as a Policy; throws PolicyShapeError. */
export function toPolicy(document: unknown, source?: string): Policy {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      throw new PolicyShapeError('$', 'not valid JSON');
    }
  }
  if (!isObject(doc)) throw new PolicyShapeError('$', 'a policy must be a JSON object');
  if (!('Statement' in doc)) throw new PolicyShapeError('$', 'missing Statement');
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? raw.map((s, i) => statementOf(s, `$.Statement[${i}]`)) : [statementOf(raw, '$.Statement')];
  return {
    ...(typeof doc.Version === 'string' ? { version: doc.Version } : {}),
    ...(typeof doc.Id === 'string' ? { id: doc.Id } : {}),
    statements,
    ...(source !== undefined ? { source } : {}),
  };
}
