// Wildcard patterns and policy variables, compiled once. A pattern is a list of parts: text where `*` and `?` are
// wildcards, literal text (`${*}`, `${?}`, `${$}` and what a variable resolves to never act as wildcards), and
// variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`) read from the request at evaluation time.
import type { PreparedRequest } from './request.js';

type Part = { kind: 'glob'; text: string } | { kind: 'literal'; text: string } | { kind: 'var'; key: string; fallback?: string };

const VARIABLE = /\$\{([^}]*)\}/g;
const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };

function parts(text: string, substitute: boolean): Part[] {
  if (!substitute || !text.includes('${')) return [{ kind: 'glob', text }];
  const out: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    if (m.index > last) out.push({ kind: 'glob', text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const inner = m[1] ?? '';
    const escaped = ESCAPES[inner.trim()];
    const variable = /^\s*([^\s,']+)\s*(?:,\s*'([^']*)'\s*)?$/.exec(inner);
    if (escaped !== undefined) out.push({ kind: 'literal', text: escaped });
    else if (variable) out.push({ kind: 'var', key: variable[1]!.toLowerCase(), ...(variable[2] !== undefined ? { fallback: variable[2] } : {}) });
    else out.push({ kind: 'glob', text: m[0] });
  }
  if (last < text.length) out.push({ kind: 'glob', text: text.slice(last) });
  return out;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const globSource = (s: string): string => escapeRegex(s).replace(/\\\*/g, '.*').replace(/\\\?/g, '.');

/** A variable's value: a key with exactly one value, else the default; undefined means the element cannot match. */
function variableValue(part: { key: string; fallback?: string }, req: PreparedRequest): string | undefined {
  const values = req.context.get(part.key);
  if (values && values.length === 1) return values[0];
  return part.fallback;
}

/** Text with variables resolved (wildcards kept as written), or undefined when a variable has no value. */
export interface Template {
  readonly hasVariables: boolean;
  resolve(req: PreparedRequest): string | undefined;
}

export function compileTemplate(text: string, substitute: boolean): Template {
  const ps = parts(text, substitute);
  if (ps.length === 1 && ps[0]!.kind === 'glob') return { hasVariables: false, resolve: () => text };
  return {
    hasVariables: ps.some((p) => p.kind === 'var'),
    resolve(req) {
      let out = '';
      for (const p of ps) {
        const v = p.kind === 'var' ? variableValue(p, req) : p.text;
        if (v === undefined) return undefined;
        out += v;
      }
      return out;
    },
  };
}

export type Matcher = (value: string, req: PreparedRequest) => boolean;

/** A glob (`*`, `?`) with optional policy variables; `ignoreCase` for action names. */
export function compileGlob(text: string, opts: { substitute: boolean; ignoreCase?: boolean }): Matcher {
  const flags = opts.ignoreCase ? 'is' : 's';
  const ps = parts(text, opts.substitute);
  if (ps.every((p) => p.kind !== 'var')) {
    const source = ps.map((p) => (p.kind === 'glob' ? globSource(p.text) : escapeRegex(p.text))).join('');
    if (!/[*?]/.test(ps.map((p) => (p.kind === 'glob' ? p.text : '')).join(''))) {
      const exact = ps.map((p) => p.text).join('');
      if (opts.ignoreCase) {
        const lower = exact.toLowerCase();
        return (value) => value.toLowerCase() === lower;
      }
      return (value) => value === exact;
    }
    const re = new RegExp(`^${source}$`, flags);
    return (value) => re.test(value);
  }
  // The regex depends on the variables' values: build it once per distinct set of values.
  const built = new Map<string, RegExp>();
  return (value, req) => {
    let key = '';
    for (const p of ps) {
      if (p.kind !== 'var') continue;
      const v = variableValue(p, req);
      if (v === undefined) return false;
      key += `${v}\u0000`;
    }
    let re = built.get(key);
    if (re === undefined) {
      let source = '';
      for (const p of ps) source += p.kind === 'glob' ? globSource(p.text) : escapeRegex(p.kind === 'var' ? variableValue(p, req)! : p.text);
      re = new RegExp(`^${source}$`, flags);
      if (built.size >= 256) built.clear();
      built.set(key, re);
    }
    return re.test(value);
  };
}
