// rampart policy simulate: decide requests against policies from files or from a snapshot's principal, offline.
import type { Command } from 'commander';
import { loadSnapshot } from '../inventory/load.js';
import { compileInputs, evaluate, explain, prepareRequest, RequestError, type CompiledInputs, type EvalResult } from '../policy/eval/index.js';
import { PolicyCompileError } from '../policy/eval/compile.js';
import type { Policy } from '../policy/types.js';
import { InputError } from '../util/errors.js';
import type { CommandState, Io } from './main.js';
import { oneOf } from './options.js';
import { readPolicyFile } from './policy-input.js';
import { policiesFromSnapshot } from './policy-snapshot.js';

type Expect = 'allow' | 'deny' | 'explicit-deny' | 'implicit-deny';

interface SimulateOptions {
  action: string[];
  resource: string;
  principal?: string;
  resourceAccount?: string;
  identityPolicy: string[];
  resourcePolicy?: string;
  boundary?: string;
  scp: string[];
  rcp: string[];
  sessionPolicy?: string;
  snapshot?: string;
  context: string[];
  format: 'text' | 'json';
  expect?: Expect;
}

const repeat = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `key=v1,v2` pairs -> context; a key given twice gathers its values. */
function parseContext(pairs: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`--context expects key=value[,value2], got "${pair}"`);
    const key = pair.slice(0, eq).trim();
    const values = pair.slice(eq + 1) === '' ? [] : pair.slice(eq + 1).split(',');
    out[key] = [...(out[key] ?? []), ...values];
  }
  return out;
}

/** The key AWS always sets: the time of the request (now, unless the context gives it). */
function withTime(context: Record<string, string[]>): Record<string, string[]> {
  const has = (k: string) => Object.keys(context).some((key) => key.toLowerCase() === k);
  const now = new Date();
  return {
    ...(has('aws:currenttime') ? {} : { 'aws:CurrentTime': [now.toISOString().replace(/\.\d{3}Z$/, 'Z')] }),
    ...(has('aws:epochtime') ? {} : { 'aws:EpochTime': [String(Math.floor(now.getTime() / 1000))] }),
    ...context,
  };
}

const matchesExpect = (decision: EvalResult['decision'], expected: Expect): boolean =>
  expected === 'allow'
    ? decision === 'Allow'
    : expected === 'deny'
      ? decision !== 'Allow'
      : expected === 'explicit-deny'
        ? decision === 'ExplicitDeny'
        : decision === 'ImplicitDeny';

/** A principal when none is given: a user in the resource's account, so the request is a same-account one. */
function defaultPrincipal(resource: string, resourceAccount?: string): string {
  const fromArn = resource.split(':')[4];
  const account = resourceAccount ?? (fromArn && /^\d{12}$/.test(fromArn) ? fromArn : '123456789012');
  return `arn:aws:iam::${account}:user/simulated-user`;
}

async function loadInputs(opts: SimulateOptions, io: Io): Promise<{ policies: CompiledInputs; warnings: string[] }> {
  const read = (path: string) => readPolicyFile(path, io.stdin);
  const identity: Policy[] = [];
  let boundary: Policy | undefined;
  const warnings: string[] = [];
  if (opts.snapshot) {
    if (!opts.principal) throw new InputError('--snapshot needs --principal ARN (the user or role whose policies to take)');
    const snapshot = await loadSnapshot(opts.snapshot);
    const found = policiesFromSnapshot(snapshot, opts.principal, opts.snapshot);
    identity.push(...found.identity);
    boundary = found.boundary;
    for (const arn of found.missing) warnings.push(`the snapshot does not hold the document of ${arn}: evaluated without it, so the decision may be wrong`);
  }
  for (const f of opts.identityPolicy) identity.push(await read(f));
  if (opts.boundary) boundary = await read(opts.boundary);
  if (!opts.snapshot && identity.length === 0 && !opts.resourcePolicy) {
    throw new InputError('give the policies: --identity-policy FILE, --resource-policy FILE, or --snapshot FILE --principal ARN');
  }
  const levels = async (specs: readonly string[]) => Promise.all(specs.map((spec) => Promise.all(spec.split(',').map((f) => read(f.trim())))));
  const inputs = {
    identity,
    ...(opts.resourcePolicy ? { resource: await read(opts.resourcePolicy) } : {}),
    ...(boundary ? { boundary } : {}),
    ...(opts.sessionPolicy ? { session: await read(opts.sessionPolicy) } : {}),
    scps: await levels(opts.scp),
    rcps: await levels(opts.rcp),
  };
  try {
    return { policies: compileInputs(inputs), warnings };
  } catch (err) {
    if (err instanceof PolicyCompileError) throw new InputError(err.message);
    throw err;
  }
}

export function registerPolicySimulate(group: Command, io: Io, state: CommandState): void {
  group
    .command('simulate')
    .description('decide Allow / explicit deny / implicit deny for requests, offline, and say which statement decided')
    .requiredOption('--action <action>', 'the action, e.g. s3:GetObject (repeatable)', repeat, [])
    .option('--resource <arn>', 'the resource ARN', '*')
    .option('--principal <arn>', 'the caller: user, role, assumed-role session, account or service principal')
    .option('--resource-account <id>', "the resource's account when its ARN has none (S3): decides same- or cross-account")
    .option('--identity-policy <file>', 'identity policy, JSON or YAML, - for stdin (repeatable)', repeat, [])
    .option('--resource-policy <file>', 'resource policy (bucket policy, trust policy, ...)')
    .option('--boundary <file>', 'permissions boundary')
    .option('--scp <files>', 'one SCP level: comma-separated files that apply at that level (repeatable, root first)', repeat, [])
    .option('--rcp <files>', 'one RCP level, like --scp', repeat, [])
    .option('--session-policy <file>', 'session policy')
    .option('--snapshot <file>', "take --principal's identity policies and boundary from this snapshot")
    .option('--context <key=value>', 'a request context key, values comma-separated (repeatable)', repeat, [])
    .option('--format <format>', 'text or json', oneOf('--format', ['text', 'json'] as const), 'text')
    .option('--expect <decision>', 'exit 1 unless every action gets it: allow, deny, explicit-deny, implicit-deny', oneOf('--expect', ['allow', 'deny', 'explicit-deny', 'implicit-deny'] as const))
    .action(async (opts: SimulateOptions) => {
      if (opts.action.length === 0) throw new InputError('--action is required');
      const { policies, warnings } = await loadInputs(opts, io);
      const principal = opts.principal ?? defaultPrincipal(opts.resource, opts.resourceAccount);
      const context = withTime(parseContext(opts.context));
      const results = opts.action.map((action) => {
        let prepared;
        try {
          prepared = prepareRequest({ action, resource: opts.resource, principal, context, ...(opts.resourceAccount ? { resourceAccount: opts.resourceAccount } : {}) });
        } catch (err) {
          if (err instanceof RequestError) throw new InputError(`--principal: ${err.message}`);
          throw err;
        }
        const result = evaluate(policies, prepared);
        return { action, result, lines: explain(policies, result, prepared).lines };
      });
      for (const w of warnings) io.stderr.write(`rampart: warning: ${w}\n`);
      if (opts.format === 'json') {
        const out = {
          schemaVersion: 1,
          principal,
          resource: opts.resource,
          ...(opts.resourceAccount ? { resourceAccount: opts.resourceAccount } : {}),
          context,
          results: results.map(({ action, result, lines }) => ({
            action,
            decision: result.decision,
            scope: result.scope,
            statements: result.statements.map((d) => ({
              layer: d.layer,
              ...(d.level !== undefined ? { level: d.level } : {}),
              policy: d.statement.policy,
              path: d.statement.statement.path,
              ...(d.statement.statement.sid ? { sid: d.statement.statement.sid } : {}),
              effect: d.statement.effect,
            })),
            ...(result.missing ? { missing: result.missing } : {}),
            explanation: lines,
          })),
          warnings,
        };
        io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        io.stdout.write(`principal ${principal}\nresource  ${opts.resource}\n`);
        const width = Math.max(...results.map((r) => r.action.length));
        for (const { action, result, lines } of results) {
          io.stdout.write(`\n${action.padEnd(width)}  ${result.decision}\n`);
          for (const line of lines) io.stdout.write(`  ${line}\n`);
        }
      }
      const expected = opts.expect;
      state.exitCode = expected && results.some((r) => !matchesExpect(r.result.decision, expected)) ? 1 : 0;
    });
}
