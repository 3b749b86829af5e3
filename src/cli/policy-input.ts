// Reading policy documents for the policy commands: a JSON or YAML file (or `-` for stdin) -> Policy. Every way a file
// can be wrong is one InputError naming the file and the place (line:column for syntax, JSON path for shape).
import { readFile } from 'node:fs/promises';
import { parse, YAMLParseError } from 'yaml';
import { PolicyShapeError, toPolicy } from '../policy/model.js';
import type { Policy } from '../policy/types.js';
import { InputError } from '../util/errors.js';
import { unreadable } from '../util/unreadable.js';

/** The text of a policy file, or of standard input for `-`; an unreadable file is one InputError naming it. */
export async function readPolicyText(path: string, stdin: NodeJS.ReadableStream | undefined): Promise<string> {
  if (path === '-') {
    if (!stdin) throw new InputError('-: no standard input to read a policy from');
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot read the policy: ${unreadable(err)}`);
  }
}

/** 1-based line:column of a 0-based offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** JSON text (what IAM stores): JSON's own error, which says more about a truncated document than YAML's. */
function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.trimEnd().length;
    const why = /Unexpected end/.test(message) ? 'the document ends early (truncated?)' : message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected token/, 'unexpected');
    throw new InputError(`${name}:${lineColumn(text, offset)}: not valid JSON: ${why}`);
  }
}

/** Parses policy text (JSON or YAML) named `name` into a Policy; throws InputError naming the place. */
export function parsePolicyText(text: string, name: string): Policy {
  if (/^\s*[{[]/.test(text)) return policyFromDocument(parseJson(text, name), name);
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true, prettyErrors: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const pos = err.linePos?.[0];
      const message = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'cannot parse';
      throw new InputError(`${name}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${message}`);
    }
    throw new InputError(`${name}: not valid JSON or YAML`);
  }
  return policyFromDocument(raw, name);
}

/** A parsed document -> Policy, or InputError naming `name` and the JSON path. */
export function policyFromDocument(raw: unknown, name: string): Policy {
  try {
    return toPolicy(raw, name);
  } catch (err) {
    if (err instanceof PolicyShapeError) throw new InputError(`${name}: ${err.message}`);
    throw err;
  }
}

export async function readPolicyFile(path: string, stdin?: NodeJS.ReadableStream): Promise<Policy> {
  const name = path === '-' ? 'stdin' : path;
  return parsePolicyText(await readPolicyText(path, stdin), name);
}
