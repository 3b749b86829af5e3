// Reads rampart.yaml: YAML with source positions, validated against the spec schema. Every way it can be wrong is one
// InputError line naming the file, the line:column and what was expected: `rampart.yaml:7:3: budget.amont: unknown key`.
import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { InputError } from '../util/errors.js';
import { specSchema, type BaselineSpec } from './spec.js';
import { formatPath, specProblems, type SpecProblem } from './spec-issues.js';
import { unreadable } from '../util/unreadable.js';

/** The spec file does not exist: the CLI decides whether the defaults stand in for it. */
export class SpecNotFoundError extends InputError {
  override name = 'SpecNotFoundError';
  constructor(readonly path: string) {
    super(`${path}: no such file`);
  }
}

export async function loadSpec(path: string): Promise<BaselineSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SpecNotFoundError(path);
    throw new InputError(`${path}: cannot read the spec: ${unreadable(err)}`);
  }
  return parseSpec(text, path);
}

/** The seeds' defaults: what an empty rampart.yaml means. */
export const defaultSpec = (): BaselineSpec => specSchema.parse({});

export function parseSpec(text: string, file: string): BaselineSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = syntax.linePos?.[0];
    // yaml's message ends with " at line L, column C:" and a code excerpt: the position goes in front instead.
    const message = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`${file}:${pos ? `${pos.line}:${pos.col}` : '1:1'}: invalid YAML: ${lowerFirst(message)}`);
  }
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (err) {
    throw new InputError(`${file}:1:1: invalid YAML: ${err instanceof Error ? lowerFirst(err.message.split('\n')[0] ?? '') : String(err)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${file}:${where(doc, lineCounter, { path: [], atKey: false, message: '' })}: expected a mapping of settings (see examples/rampart.yaml)`);
  }
  const parsed = specSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  // One line: the problem that comes first in the file, as a person reads it top to bottom.
  const problems = specProblems(specSchema, data, parsed.error.issues).map((p) => ({ p, offset: offsetOf(doc, p) }));
  problems.sort((a, b) => a.offset - b.offset);
  const first = problems[0]?.p ?? { path: [], atKey: false, message: 'invalid spec' };
  throw new InputError(`${file}:${where(doc, lineCounter, first)}: ${formatPath(first.path)}: ${first.message}`);
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

function where(doc: Document, lineCounter: LineCounter, problem: SpecProblem): string {
  const { line, col } = lineCounter.linePos(offsetOf(doc, problem));
  return `${line}:${col}`;
}

/** Start offset of the node a problem is about; a missing key points at the nearest mapping that should hold it. */
function offsetOf(doc: Document, problem: SpecProblem): number {
  let node: unknown = doc.contents;
  let best = rangeStart(node) ?? 0;
  for (const [i, part] of problem.path.entries()) {
    const last = i === problem.path.length - 1;
    if (isMap(node) && typeof part === 'string') {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === part);
      if (!pair) break;
      // The key is where the eye goes for an unknown key and for a value that is not there at all.
      const keyStart = rangeStart(pair.key);
      if (last && problem.atKey) return keyStart ?? best;
      node = pair.value;
      best = rangeStart(node) ?? keyStart ?? best;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (node === undefined) break;
      best = rangeStart(node) ?? best;
    } else break;
  }
  return best;
}

const rangeStart = (node: unknown): number | undefined => (node && typeof node === 'object' && 'range' in node ? (node as YamlNode).range?.[0] : undefined);

