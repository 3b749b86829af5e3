// Test helpers: build policies from plain statements and decide requests against them.
import { toPolicy } from '../model.js';
import type { Policy } from '../types.js';
import { compileInputs, evaluate, type EvalResult, type PolicyInputs } from './evaluate.js';
import { explain } from './explain.js';
import { prepareRequest, type EvalRequest } from './request.js';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
export const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;

export const doc = (name: string, ...statements: Record<string, unknown>[]): Policy =>
  toPolicy({ Version: '2012-10-17', Statement: statements }, name);

export function decide(inputs: PolicyInputs, request: Partial<EvalRequest> & { action: string }): EvalResult & { lines: readonly string[] } {
  const compiled = compileInputs(inputs);
  const prepared = prepareRequest({ resource: '*', principal: USER, ...request });
  const result = evaluate(compiled, prepared);
  return { ...result, lines: explain(compiled, result, prepared).lines };
}
