// Condition blocks: operators, set operators and IfExists, values of typed keys, and keys that exist.
import { closest } from '../../../util/closest.js';
import { childPath } from '../../parse.js';
import { conditionKeyInfo, conditionKeyNames, serviceExists } from '../../catalogue.js';
import { conditionEntries, effectOf, isObject, memo, type ConditionEntry } from '../elements.js';
import type { Issue, LintRule, RawStatement } from '../types.js';

type Family = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

const OPERATORS: Record<string, Family> = {
  StringEquals: 'String', StringNotEquals: 'String', StringEqualsIgnoreCase: 'String', StringNotEqualsIgnoreCase: 'String', StringLike: 'String', StringNotLike: 'String',
  NumericEquals: 'Numeric', NumericNotEquals: 'Numeric', NumericLessThan: 'Numeric', NumericLessThanEquals: 'Numeric', NumericGreaterThan: 'Numeric', NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date', DateNotEquals: 'Date', DateLessThan: 'Date', DateLessThanEquals: 'Date', DateGreaterThan: 'Date', DateGreaterThanEquals: 'Date',
  Bool: 'Bool', BinaryEquals: 'Binary', IpAddress: 'IpAddress', NotIpAddress: 'IpAddress',
  ArnEquals: 'Arn', ArnLike: 'Arn', ArnNotEquals: 'Arn', ArnNotLike: 'Arn', Null: 'Null',
};

/** Every operator as it may be written: base, IfExists (not for Null), ForAllValues:/ForAnyValue: prefixes. */
const ALL_OPERATORS = Object.keys(OPERATORS).flatMap((op) => {
  const forms = op === 'Null' ? [op] : [op, `${op}IfExists`];
  return [...forms, ...forms.flatMap((f) => [`ForAllValues:${f}`, `ForAnyValue:${f}`])];
});

export interface ParsedOperator {
  readonly set?: 'ForAllValues' | 'ForAnyValue';
  readonly base: string;
  readonly family: Family;
  readonly ifExists: boolean;
}

/** `ForAnyValue:StringLikeIfExists` -> its parts; undefined for an operator IAM does not know. */
export function parseOperator(operator: string): ParsedOperator | undefined {
  const m = /^(?:(ForAllValues|ForAnyValue):)?(\w+?)(IfExists)?$/.exec(operator);
  if (!m) return undefined;
  const base = m[2]!;
  const family = OPERATORS[base];
  if (!family || (family === 'Null' && m[3])) return undefined;
  return { ...(m[1] ? { set: m[1] as 'ForAllValues' | 'ForAnyValue' } : {}), base, family, ifExists: m[3] !== undefined };
}

const nearestOperator = memo((op: string) => closest(op, ALL_OPERATORS));

export const conditionOperator: LintRule = {
  id: 'condition-operator',
  severity: 'high',
  description: 'Condition operators are ones IAM knows (StringEquals, not StringEqualz), and a Condition is an object of operators of keys',
  check({ statements }) {
    return statements.flatMap((s): Issue[] => {
      const block = s.raw.Condition;
      if (block === undefined) return [];
      const path = childPath(s.path, 'Condition');
      if (!isObject(block)) return [{ path, message: 'Condition must be an object such as {"Bool": {"aws:SecureTransport": "true"}}', fix: 'Write Condition as { operator: { key: value(s) } }.' }];
      return Object.entries(block).flatMap(([op, keys]): Issue[] => {
        const at = childPath(path, op);
        const issues: Issue[] = [];
        if (!parseOperator(op)) {
          const near = nearestOperator(op);
          issues.push({ path: at, message: `unknown condition operator "${op}"${near ? ` (did you mean "${near}"?)` : ''}: IAM rejects the policy`, fix: near ? `Rename "${op}" to "${near}".` : 'Use one of the operators of the IAM condition reference (StringEquals, Bool, IpAddress, DateLessThan, ArnLike, Null, ...).' });
        }
        if (!isObject(keys)) issues.push({ path: at, message: `${op} must be an object of condition keys`, fix: `Write "${op}": {"<key>": "<value>"}.` });
        else
          for (const [key, value] of Object.entries(keys)) {
            const values = Array.isArray(value) ? value : [value];
            if (values.length === 0 || values.some((v) => !['string', 'number', 'boolean'].includes(typeof v)))
              issues.push({ path: childPath(at, key), message: `the values of ${key} must be strings, numbers or booleans (and at least one)`, fix: 'Write the value as a string or a list of strings.' });
          }
        return issues;
      });
    });
  },
};

const isMultiValued = (type: string): boolean => type.startsWith('ArrayOf');

/** Is there a Null check that the key is present (`"Null": {key: "false"}`)? */
const hasPresenceCheck = (s: RawStatement, key: string): boolean =>
  conditionEntries(s).some((c) => c.operator === 'Null' && c.key.toLowerCase() === key.toLowerCase() && c.values.every((v) => v.value === 'false'));

const MFA_PRESENT = 'aws:multifactorauthpresent';

export const conditionSetOperator: LintRule = {
  id: 'condition-set-operator',
  severity: 'medium',
  description: 'ForAllValues/ForAnyValue only on multi-valued keys; ForAllValues in an Allow checks the key is present; IfExists does not let an MFA condition pass without MFA',
  check({ statements }) {
    return statements.flatMap((s) =>
      conditionEntries(s).flatMap((c): Issue[] => {
        const op = parseOperator(c.operator);
        if (!op) return [];
        const info = conditionKeyInfo(c.key);
        const issues: Issue[] = [];
        if (op.set && info && !isMultiValued(info.type))
          issues.push({ path: c.path, message: `${op.set} on ${c.key}, a single-valued key: set operators are for multi-valued keys (aws:TagKeys, aws:CalledVia, ...)`, fix: `Use ${op.base}${op.ifExists ? 'IfExists' : ''} without the ${op.set}: prefix.` });
        if (op.set === 'ForAllValues' && effectOf(s) === 'Allow' && !hasPresenceCheck(s, c.key))
          issues.push({ path: c.path, severity: 'high', message: `ForAllValues in an Allow is true when ${c.key} is absent or empty: the statement allows requests that carry no ${c.key} at all`, fix: `Add "Null": {"${c.key}": "false"} to the same Condition, or use ForAnyValue.` });
        if (!op.set && info && isMultiValued(info.type) && op.family !== 'Null')
          issues.push({ path: c.path, severity: 'low', message: `${c.key} is multi-valued: ${c.operator} without ForAnyValue:/ForAllValues: compares it as one value`, fix: `Write ForAnyValue:${c.operator} (any of the request's values) or ForAllValues:${c.operator} (all of them).` });
        if (op.ifExists && effectOf(s) === 'Allow' && c.key.toLowerCase() === MFA_PRESENT && c.values.some((v) => v.value.toLowerCase() === 'true'))
          issues.push({ path: c.path, severity: 'high', message: `${c.operator} on aws:MultiFactorAuthPresent in an Allow passes when the key is absent, which it is for long-term access keys: no MFA is required at all`, fix: 'Use "Bool" (without IfExists) in an Allow, or deny with "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}.' });
        return issues;
      }),
    );
  },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\/(?:3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(?:\/(?:12[0-8]|1[01]\d|\d?\d))?$/i;

/** Why `value` is not a valid value for an operator of this family, or undefined. Policy variables are not judged. */
function badValue(family: Family, value: string): string | undefined {
  if (value.includes('${')) return undefined;
  switch (family) {
    case 'Bool':
    case 'Null':
      return /^(true|false)$/i.test(value) ? undefined : 'is not "true" or "false"';
    case 'Numeric':
      return /^-?\d+(\.\d+)?$/.test(value) ? undefined : 'is not a number';
    case 'Date':
      return (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) || /^\d+$/.test(value) ? undefined : 'is not a date (ISO 8601 such as 2026-01-31T23:59:59Z, or epoch seconds)';
    case 'IpAddress':
      return IPV4.test(value) || (IPV6.test(value) && value.includes(':')) ? undefined : 'is not an IP address or CIDR block (such as 203.0.113.0/24)';
    case 'Arn':
      return value === '*' || value.startsWith('arn:') ? undefined : 'is not an ARN';
    case 'Binary':
      return /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? undefined : 'is not base64';
    default:
      return undefined;
  }
}

export const conditionValue: LintRule = {
  id: 'condition-value',
  severity: 'high',
  description: 'Values suit their operator: Bool and Null "true"/"false", numbers, dates, IP addresses and CIDR blocks, ARNs',
  check({ statements }) {
    return statements.flatMap((s) =>
      conditionEntries(s).flatMap((c: ConditionEntry): Issue[] => {
        const op = parseOperator(c.operator);
        if (!op) return [];
        return c.values.flatMap((v) => {
          const why = badValue(op.family, v.value);
          return why ? [{ path: v.path, message: `${c.operator} value ${JSON.stringify(v.value)} for ${c.key} ${why}: the condition never matches as meant`, fix: `Write a value ${op.family === 'Bool' || op.family === 'Null' ? '"true" or "false"' : `that ${op.base} understands`}.` }] : [];
        });
      }),
    );
  },
};

export const conditionKey: LintRule = {
  id: 'condition-key-unknown',
  severity: 'medium',
  description: 'Condition keys exist: global aws: keys and the keys of the service they name (a misspelt key is never in the request)',
  check({ statements }) {
    return statements.flatMap((s) =>
      conditionEntries(s).flatMap((c): Issue[] => {
        if (c.key.includes('${') || conditionKeyInfo(c.key)) return [];
        const prefix = c.key.includes(':') ? c.key.slice(0, c.key.indexOf(':')) : '';
        // Identity providers' keys (token.actions.githubusercontent.com:sub, accounts.google.com:aud, saml:aud) are
        // named by the provider, not catalogued per service: not judged.
        if (prefix.includes('.') || prefix === 'saml') return [];
        if (prefix !== 'aws' && !serviceExists(prefix))
          return [{ path: c.path, message: `condition key ${c.key} names no AWS service${prefix ? ` ("${prefix}")` : ''}`, fix: 'Use a global key (aws:...) or a key of the service, e.g. s3:prefix.' }];
        const near = closest(c.key, conditionKeyNames(prefix));
        const absent = c.operator.includes('IfExists') || c.operator === 'Null' ? '' : ': the key is never in the request, so the condition never matches';
        return [{ path: c.path, message: `unknown condition key ${c.key}${near ? ` (did you mean ${near}?)` : ''}${absent}`, fix: near ? `Rename the key to ${near}.` : `Use a condition key that ${prefix} documents.` }];
      }),
    );
  },
};

export const conditionRules: LintRule[] = [conditionOperator, conditionSetOperator, conditionValue, conditionKey];
