// Actions that exist, and resources they can act on, per the catalogue.
import { closest } from '../../../util/closest.js';
import { actionInfo, actionsOf, allServices, resourceType, serviceExists, type ActionInfo } from '../../catalogue.js';
import { elementEntries, memo, wildcardRegex } from '../elements.js';
import type { Entry, Issue, LintRule } from '../types.js';

const splitAction = (value: string): [string, string] | undefined => {
  const i = value.indexOf(':');
  return i > 0 ? [value.slice(0, i), value.slice(i + 1)] : undefined;
};

/** The catalogue actions an action pattern of one service matches (`s3:Get*` -> GetObject, ...). */
export function expandAction(value: string): { service: string; action: ActionInfo }[] {
  const parts = splitAction(value);
  if (!parts) return [];
  const [servicePattern, actionPattern] = parts;
  const services = /[*?]/.test(servicePattern) ? [...allServices()].filter((s) => wildcardRegex(servicePattern).test(s)) : [servicePattern.toLowerCase()];
  return services.flatMap((service) => {
    if (!/[*?]/.test(actionPattern)) {
      const a = actionInfo(service, actionPattern);
      return a ? [{ service, action: a }] : [];
    }
    const re = wildcardRegex(actionPattern);
    return actionsOf(service)
      .filter((a) => re.test(a.name))
      .map((action) => ({ service, action }));
  });
}

/** Judged once per distinct value; the path is the caller's. */
const verdictOf = memo((value: string) => unknownActionAt({ value, path: '' }));
const unknownAction = (e: Entry): Issue | undefined => {
  const v = verdictOf(e.value);
  return v && { ...v, path: e.path };
};

function unknownActionAt(e: Entry): Issue | undefined {
  if (e.value === '*') return undefined;
  const parts = splitAction(e.value);
  if (!parts || parts[1] === '') return undefined; // the grammar rules report these
  const [service, name] = parts;
  if (/[*?]/.test(service)) return undefined;
  if (!serviceExists(service)) {
    const near = closest(service, [...allServices()]);
    return { path: e.path, message: `unknown service "${service}" in ${e.value}${near ? ` (did you mean "${near}"?)` : ''}`, fix: near ? `Write ${near}:${name}.` : 'Use the service prefix of the IAM service authorization reference.' };
  }
  if (/[*?]/.test(name)) {
    if (expandAction(e.value).length > 0) return undefined;
    return { path: e.path, severity: 'medium', message: `${e.value} matches no ${service} action`, fix: `Check the pattern against the ${service} actions; e.g. ${actionsOf(service).slice(0, 3).map((a) => `${service}:${a.name}`).join(', ')}.` };
  }
  if (actionInfo(service, name)) return undefined;
  const names = actionsOf(service).map((a) => a.name);
  const prefixed = names.filter((n) => n.toLowerCase().startsWith(name.toLowerCase()));
  if (prefixed.length > 0)
    return { path: e.path, message: `unknown action ${e.value} (did you mean ${e.value}*, the ${prefixed.length} ${service} action${prefixed.length === 1 ? '' : 's'} starting with it? A "*" lost in copying?)`, fix: `Write ${e.value}*.` };
  const near = closestFew(name, names);
  return {
    path: e.path,
    message: `unknown action ${e.value}${near.length ? ` (did you mean ${near.map((n) => `${service}:${n}`).join(', ')}?)` : ''}`,
    fix: near.length ? `Write ${service}:${near[0]}.` : `Use an action of ${service} from the IAM service authorization reference.`,
  };
}

/** Up to three plausible corrections, nearest first. */
function closestFew(word: string, candidates: string[]): string[] {
  const out: string[] = [];
  let rest = candidates;
  for (let i = 0; i < 3; i++) {
    const c = closest(word, rest);
    if (!c) break;
    out.push(c);
    rest = rest.filter((r) => r !== c);
  }
  return out;
}

export const actionUnknown: LintRule = {
  id: 'action-unknown',
  severity: 'high',
  description: 'Every action names a real service action, and every wildcard matches at least one (s3:GetObjcet and s3:Get*Foo grant nothing)',
  check({ statements }) {
    return statements.flatMap((s) => ['Action', 'NotAction'].flatMap((n) => elementEntries(s, n).flatMap((e) => unknownAction(e) ?? [])));
  },
};

const TEMPLATE_SAMPLE: Record<string, string> = { Partition: 'aws', Region: 'us-east-1', Account: '123456789012' };
const templateCache = new Map<string, { re: RegExp; sample: string }>();

/** An ARN format as a regex (bucket names without `/`, every other name with) and one concrete ARN of it. */
export function compileTemplate(template: string): { re: RegExp; sample: string } {
  let t = templateCache.get(template);
  if (!t) {
    const parts = template.split(/(\$\{[^}]+\})/);
    const re = parts
      .map((p) => {
        const v = /^\$\{([^}]+)\}$/.exec(p)?.[1];
        if (!v) return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (v === 'Partition' || v === 'Region' || v === 'Account') return '[^:]*';
        // Most names may hold "/" (log groups, secrets, parameters, IAM paths); a bucket name never does, and the
        // bucket/object split is the mistake worth catching. Leaning permissive keeps false alarms out.
        return v === 'BucketName' ? '[^/]+' : '.+';
      })
      .join('');
    const sample = parts.map((p) => /^\$\{([^}]+)\}$/.exec(p)?.[1]).map((v, i) => (v ? (TEMPLATE_SAMPLE[v] ?? 'x') : parts[i])).join('');
    t = { re: new RegExp(`^${re}$`), sample };
    templateCache.set(template, t);
  }
  return t;
}

const ONE = '\u0001';
const ANY = '\u0002';
/** Variable tokens of a format, with the characters each may not stand for. */
const VARIABLES: Record<string, string> = { [ANY]: '', '\u0003': '/', '\u0004': ':', '\u0005': ':/' };
const variableToken = (name: string): string =>
  name === 'BucketName' ? '\u0003' : name === 'Partition' || name === 'Region' ? '\u0004' : name === 'Account' ? '\u0005' : ANY;

/** The template as a pattern: variables stand for any text, except that a bucket name has no "/", a region no ":". */
const templatePattern = (template: string): string => template.replace(/\$\{([^}]+)\}/g, (_m, v: string) => variableToken(v));

/**
 * Could some ARN match both patterns? A wildcard ARN (`log-group:/aws/lambda/fn:*`) against a format: each side's
 * wildcards and variables may stand for text of the other side. Dynamic programming over the two strings.
 */
function patternsMeet(a: string, b: string): boolean {
  const seen = new Map<number, boolean>();
  const width = b.length + 1;
  const meet = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = seen.get(key);
    if (known !== undefined) return known;
    let out: boolean;
    const x = a[i];
    const y = b[j];
    const xVar = x !== undefined ? VARIABLES[x] : undefined;
    const yVar = y !== undefined ? VARIABLES[y] : undefined;
    if (x === undefined && y === undefined) out = true;
    else if (xVar !== undefined) out = meet(i + 1, j) || (y !== undefined && (yVar !== undefined || !xVar.includes(y)) && meet(i, j + 1));
    else if (yVar !== undefined) out = meet(i, j + 1) || (x !== undefined && !yVar.includes(x) && meet(i + 1, j));
    else if (x === undefined || y === undefined) out = false;
    else out = (x === y || x === ONE || y === ONE) && meet(i + 1, j + 1);
    seen.set(key, out);
    return out;
  };
  return meet(0, 0);
}

/** Can `arn` (possibly with wildcards) name a resource of this ARN format? */
export function arnFits(arn: string, template: string): boolean {
  if (compileTemplate(template).re.test(arn)) return true;
  return /[*?]/.test(arn) && patternsMeet(arn.replace(/\*/g, ANY).replace(/\?/g, ONE), templatePattern(template));
}

const arnService = (arn: string): string | undefined => (arn.startsWith('arn:') ? arn.split(':')[2] : undefined);

export const actionResource: LintRule = {
  id: 'action-resource-mismatch',
  severity: 'medium',
  description: 'An action is given a resource of a type it supports (s3:GetObject acts on objects, not on a bucket ARN)',
  check({ statements }) {
    return statements.flatMap((s) => {
      const resources = elementEntries(s, 'Resource');
      if (resources.length === 0 || resources.some((r) => r.value === '*')) return [];
      return elementEntries(s, 'Action').flatMap((e): Issue[] => {
        const parts = splitAction(e.value);
        if (!parts || /[*?]/.test(e.value)) return [];
        const [service] = parts;
        const info = actionInfo(service, parts[1]);
        if (!info) return [];
        const own = resources.filter((r) => arnService(r.value)?.toLowerCase() === service.toLowerCase());
        if (own.length === 0) return [];
        if (info.resourceTypes.length === 0)
          return [{ path: e.path, message: `${e.value} only supports "Resource": "*"; with ${own[0]!.value} it is never allowed`, fix: `Move ${e.value} into a statement with "Resource": "*".` }];
        // Shortest first: the plain form (a bucket's objects) before the specialised ones (through an access point).
        const templates = info.resourceTypes.flatMap((k) => resourceType(service, k)?.arn ?? []).sort((a, b) => a.length - b.length);
        if (own.some((r) => templates.some((t) => arnFits(r.value, t)))) return [];
        return [{ path: e.path, message: `${e.value} acts on ${info.resourceTypes.join(' or ')} resources, and none of this statement's ${service} ARNs is one (${own.map((r) => r.value).join(', ')})`, fix: `Add an ARN of the form ${templates[0] ?? '*'}, or move the action to the statement that has one.` }];
      });
    });
  },
};

export const actionRules: LintRule[] = [actionUnknown, actionResource];
