// Grammar: what IAM itself would reject, or read differently from what its author meant.
import { closest } from '../../../util/closest.js';
import { childPath } from '../../parse.js';
import type { PolicyKind } from '../../types.js';
import { effectOf, elementEntries, isObject } from '../elements.js';
import type { Issue, LintRule } from '../types.js';

const TOP_LEVEL = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/** Where Principal belongs: required in resource-based and trust policies, refused everywhere else. */
const PRINCIPAL: Record<PolicyKind, 'required' | 'forbidden'> = {
  identity: 'forbidden',
  boundary: 'forbidden',
  scp: 'forbidden',
  session: 'forbidden',
  resource: 'required',
  trust: 'required',
};

const unknownName = (name: string, known: string[], path: string, where: string): Issue => {
  const near = closest(name, known);
  return {
    path,
    message: `unknown ${where} element "${name}"${near ? ` (did you mean "${near}"?)` : ''}`,
    fix: near ? `Rename "${name}" to "${near}"; element names are case-sensitive.` : `Remove "${name}"; only ${known.join(', ')} are allowed here.`,
  };
};

export const version: LintRule = {
  id: 'version',
  severity: 'medium',
  description: 'Version is "2012-10-17": without it (or with 2008-10-17) policy variables such as ${aws:username} are plain text',
  check({ doc }) {
    const v = doc.Version;
    if (v === undefined)
      return [{ path: '$', message: 'Version is missing: IAM reads the policy as 2008-10-17, where ${...} policy variables are not replaced', fix: 'Add "Version": "2012-10-17" as the first element.' }];
    if (v === '2012-10-17') return [];
    if (v === '2008-10-17')
      return [{ path: '$.Version', severity: 'low', message: 'Version 2008-10-17 is the old policy language: ${...} policy variables are not replaced', fix: 'Use "Version": "2012-10-17".' }];
    return [{ path: '$.Version', severity: 'high', message: `Version ${JSON.stringify(v)} is not a policy language version (IAM rejects the document)`, fix: 'Use "Version": "2012-10-17" (the date of the language, not of your policy).' }];
  },
};

export const documentShape: LintRule = {
  id: 'document-shape',
  severity: 'high',
  description: 'The document has Statement (an object or a list of objects) and only the elements IAM knows',
  check({ doc }) {
    const issues: Issue[] = Object.keys(doc)
      .filter((k) => !TOP_LEVEL.includes(k))
      .map((k) => unknownName(k, TOP_LEVEL, childPath('$', k), 'policy'));
    const st = doc.Statement;
    if (st === undefined) issues.push({ path: '$', message: 'Statement is missing: the policy grants and denies nothing', fix: 'Add "Statement": [ { "Effect": ..., "Action": ..., "Resource": ... } ].' });
    else if (Array.isArray(st)) {
      if (st.length === 0) issues.push({ path: '$.Statement', message: 'Statement is an empty list', fix: 'Add at least one statement, or delete the policy.' });
      st.forEach((s, i) => {
        if (!isObject(s)) issues.push({ path: `$.Statement[${i}]`, message: `statement ${i} is ${JSON.stringify(s) ?? 'missing'}, not an object`, fix: 'Each statement is an object with Effect, Action and Resource.' });
      });
    } else if (!isObject(st)) issues.push({ path: '$.Statement', message: 'Statement must be an object or a list of objects', fix: 'Write "Statement": [ { "Effect": ..., "Action": ..., "Resource": ... } ].' });
    if (doc.Id !== undefined && typeof doc.Id !== 'string') issues.push({ path: '$.Id', message: 'Id must be a string', fix: 'Make Id a string, or remove it.' });
    return issues;
  },
};

export const statementElements: LintRule = {
  id: 'statement-element',
  severity: 'high',
  description: 'A statement only has the elements IAM knows (Sid, Effect, Principal, Action, Resource, Condition and their Not forms)',
  check({ statements }) {
    return statements.flatMap((s) => [
      ...Object.keys(s.raw)
        .filter((k) => !STATEMENT_ELEMENTS.includes(k))
        .map((k) => unknownName(k, STATEMENT_ELEMENTS, childPath(s.path, k), 'statement')),
      ...(s.raw.Sid !== undefined && (typeof s.raw.Sid !== 'string' || !/^[A-Za-z0-9]*$/.test(s.raw.Sid))
        ? [{ path: childPath(s.path, 'Sid'), severity: 'medium' as const, message: `Sid ${JSON.stringify(s.raw.Sid)} may only hold letters and digits in an IAM policy`, fix: 'Use a Sid such as "AllowReadLogs".' }]
        : []),
    ]);
  },
};

export const duplicateKey: LintRule = {
  id: 'duplicate-key',
  severity: 'high',
  description: 'No key is written twice in one object (only the last one counts, silently)',
  check({ duplicateKeys }) {
    return duplicateKeys.map((path) => ({ path, message: 'this key is written twice in the same object: only the last one counts', fix: 'Merge the two into one element (a list of values).' }));
  },
};

export const effect: LintRule = {
  id: 'effect',
  severity: 'high',
  description: 'Every statement has Effect "Allow" or "Deny"',
  check({ statements }) {
    return statements.flatMap((s): Issue[] => {
      const e = s.raw.Effect;
      if (effectOf(s)) return [];
      if (e === undefined) return [{ path: s.path, message: 'the statement has no Effect', fix: 'Add "Effect": "Allow" or "Effect": "Deny".' }];
      const near = typeof e === 'string' ? closest(e, ['Allow', 'Deny']) : undefined;
      return [{ path: childPath(s.path, 'Effect'), message: `Effect ${JSON.stringify(e)} is not "Allow" or "Deny"${near ? ` (did you mean "${near}"?)` : ''}`, fix: `Write "Effect": "${near ?? 'Allow'}" (case-sensitive).` }];
    });
  },
};

/** Action and Resource elements: exactly one of the pair, a string or a list of strings. */
function listElement(names: [string, string], required: (kind: PolicyKind) => boolean, form: (v: string) => string | undefined): LintRule['check'] {
  return ({ statements, options }) =>
    statements.flatMap((s): Issue[] => {
      const present = names.filter((n) => n in s.raw);
      if (present.length === 2) return [{ path: s.path, message: `the statement has both ${names[0]} and ${names[1]}`, fix: `Keep one of ${names[0]} and ${names[1]}.` }];
      if (present.length === 0)
        return required(options.kind) ? [{ path: s.path, message: `the statement has neither ${names[0]} nor ${names[1]}`, fix: `Add "${names[0]}": [...] naming what the statement is about.` }] : [];
      const name = present[0]!;
      const value = s.raw[name];
      const path = childPath(s.path, name);
      if (typeof value !== 'string' && !Array.isArray(value)) return [{ path, message: `${name} must be a string or a list of strings`, fix: `Write "${name}": ["..."].` }];
      if (Array.isArray(value) && value.length === 0) return [{ path, message: `${name} is an empty list: the statement matches nothing`, fix: `List at least one value in ${name}, or delete the statement.` }];
      const bad: Issue[] = Array.isArray(value)
        ? value.flatMap((v, i) => (typeof v === 'string' ? [] : [{ path: childPath(path, i), message: `${name} values must be strings, not ${JSON.stringify(v)}`, fix: 'Quote the value.' }]))
        : [];
      const malformed = elementEntries(s, name).flatMap((e): Issue[] => {
        if (e.value.trim() === '') return [];
        const why = form(e.value);
        if (!why) return [];
        const lostStar = names[0] === 'Action' && e.value.endsWith(':');
        const fix = lostStar ? `Write "${e.value}*" (a "*" lost in copying?).` : names[0] === 'Action' ? 'Write actions as service:Action, e.g. "s3:GetObject", or "*".' : 'Write an ARN (arn:partition:service:region:account:resource) or "*".';
        return [{ path: e.path, message: `${name} "${e.value}" ${why}`, fix }];
      });
      return [...bad, ...malformed];
    });
}

export const actionElement: LintRule = {
  id: 'action-element',
  severity: 'high',
  description: 'Each statement has exactly one of Action and NotAction, with values of the form service:Action',
  check: listElement(['Action', 'NotAction'], () => true, (v) => (v === '*' || /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/.test(v) ? undefined : 'is not of the form service:Action')),
};

export const resourceElement: LintRule = {
  id: 'resource-element',
  severity: 'high',
  description: 'Each statement has exactly one of Resource and NotResource (trust policies may have neither), with ARNs or "*"',
  check: listElement(['Resource', 'NotResource'], (kind) => kind !== 'trust', (v) => (v === '*' || v.startsWith('arn:') ? undefined : 'is not an ARN or "*"')),
};

export const principalElement: LintRule = {
  id: 'principal-element',
  severity: 'high',
  description: 'Principal appears where it belongs: required in resource and trust policies, refused in identity policies, boundaries, SCPs and session policies',
  check({ statements, options }) {
    const rule = PRINCIPAL[options.kind];
    return statements.flatMap((s): Issue[] => {
      const present = ['Principal', 'NotPrincipal'].filter((n) => n in s.raw);
      if (rule === 'forbidden')
        return present.map((n) => ({
          path: childPath(s.path, n),
          message: `${n} is not allowed in ${options.kind === 'identity' ? 'an' : 'a'} ${options.kind} policy (IAM rejects it)`,
          fix: `Remove ${n}: the principal is whoever the policy is attached to.${options.kind === 'identity' ? ' If this is a bucket, key or trust policy, lint it with --kind resource or --kind trust.' : ''}`,
        }));
      if (present.length === 0) return [{ path: s.path, message: `a statement of a ${options.kind} policy needs a Principal`, fix: 'Add "Principal": {"AWS": "arn:aws:iam::<account>:root"} (or Service / Federated).' }];
      return present.flatMap((n): Issue[] => {
        const v = s.raw[n];
        const path = childPath(s.path, n);
        if (v === '*') return [];
        if (!isObject(v)) return [{ path, message: `${n} must be "*" or an object such as {"AWS": [...]}`, fix: `Write "${n}": {"AWS": "arn:aws:iam::<account>:root"}.` }];
        const types = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
        return Object.keys(v)
          .filter((t) => !types.includes(t))
          .map((t) => unknownName(t, types, childPath(path, t), 'principal'));
      });
    });
  },
};

export const emptyValue: LintRule = {
  id: 'empty-value',
  severity: 'high',
  description: 'No Action or Resource value is an empty string (a lost "*" matches nothing)',
  check({ statements }) {
    return statements.flatMap((s) =>
      ['Action', 'NotAction', 'Resource', 'NotResource'].flatMap((n) =>
        elementEntries(s, n)
          .filter((e) => e.value.trim() === '')
          .map((e) => ({ path: e.path, message: `${n} is an empty string: it matches nothing (a "*" lost in copying?)`, fix: `Write the value meant, e.g. "*" or ${n.endsWith('Action') ? '"s3:GetObject"' : 'an ARN'}.` })),
      ),
    );
  },
};

export const duplicateSid: LintRule = {
  id: 'duplicate-sid',
  severity: 'medium',
  description: 'Sids are unique within a policy',
  check({ statements }) {
    const seen = new Map<string, string>();
    return statements.flatMap((s): Issue[] => {
      const sid = s.raw.Sid;
      if (typeof sid !== 'string' || sid === '') return [];
      const first = seen.get(sid);
      if (first === undefined) {
        seen.set(sid, s.path);
        return [];
      }
      return [{ path: childPath(s.path, 'Sid'), message: `Sid "${sid}" is already used by ${first}`, fix: 'Give each statement its own Sid.' }];
    });
  },
};

export const grammarRules: LintRule[] = [version, documentShape, statementElements, duplicateKey, effect, actionElement, resourceElement, principalElement, emptyValue, duplicateSid];
