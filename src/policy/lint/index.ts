// The linter: every rule over one document, findings with their place in the text.
import { childPath, parsePolicyText, type ParsedPolicy, type Position } from '../parse.js';
import { isObject } from './elements.js';
import { accountRules } from './rules/account.js';
import { actionRules } from './rules/actions.js';
import { conditionRules } from './rules/conditions.js';
import { grammarRules } from './rules/grammar.js';
import { resourceRules } from './rules/resources.js';
import type { Finding, LintContext, LintOptions, LintRule, RawStatement } from './types.js';

export const LINT_RULES: readonly LintRule[] = [...grammarRules, ...conditionRules, ...actionRules, ...resourceRules, ...accountRules];

export const DEFAULT_LINT_OPTIONS: LintOptions = { kind: 'identity', requireMfa: false };

function statementsOf(doc: Record<string, unknown>): RawStatement[] {
  const st = doc.Statement;
  if (Array.isArray(st)) return st.flatMap((raw, i) => (isObject(raw) ? [{ path: childPath('$.Statement', i), raw }] : []));
  return isObject(st) ? [{ path: '$.Statement', raw: st }] : [];
}

const noPositions = { positionOf: (): Position => ({ line: 1, column: 1 }), duplicateKeys: [] as readonly string[] };

/** Lints a parsed document (any JSON value); never throws. Positions come from the parser when there is one. */
export function lintDocument(value: unknown, options: LintOptions = DEFAULT_LINT_OPTIONS, parsed: Pick<ParsedPolicy, 'positionOf' | 'duplicateKeys'> = noPositions, rules: readonly LintRule[] = LINT_RULES): Finding[] {
  if (!isObject(value)) {
    return [{ rule: 'document-shape', severity: 'high', path: '$', ...parsed.positionOf('$'), message: `a policy is a JSON object with Version and Statement, not ${Array.isArray(value) ? 'a list' : JSON.stringify(value) ?? 'nothing'}`, fix: 'Write {"Version": "2012-10-17", "Statement": [...]}.' }];
  }
  const ctx: LintContext = { doc: value, statements: statementsOf(value), duplicateKeys: parsed.duplicateKeys, options };
  const findings = rules.flatMap((rule) =>
    rule.check(ctx).map((issue): Finding => ({
      rule: rule.id,
      severity: issue.severity ?? rule.severity,
      message: issue.message,
      fix: issue.fix,
      path: issue.path,
      ...parsed.positionOf(issue.path),
    })),
  );
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Parses and lints policy text; a syntax error throws InputError naming source:line:col. */
export function lintText(text: string, source: string, options: LintOptions = DEFAULT_LINT_OPTIONS): Finding[] {
  const parsed = parsePolicyText(text, source);
  return lintDocument(parsed.value, options, parsed);
}
