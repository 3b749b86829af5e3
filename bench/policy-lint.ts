// How long `rampart policy lint` takes over a corpus of 2,000 generated policies of realistic size and variety.
// Run: npm run bench:policy-lint [-- --policies 2000 --runs 5 --seed 7]
// The corpus is made here, deterministically (a seeded generator), from the shapes real policies have: one to thirty
// statements, actions of the services people use (exact, Get*/List*, service:*), bucket/object/table/role/key ARNs,
// conditions (MFA, source IP, regions, dates, tags), trust and resource policies, and now and then a typo, an empty
// string or a wildcard that matches nothing, so the rules that find something do their work too.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { lintText } from '../src/policy/lint/index.js';
import { parsePolicyText } from '../src/policy/parse.js';

const { values } = parseArgs({ options: { policies: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '7' } } });
const count = Number(values.policies);
const runs = Number(values.runs);

let state = Number(values.seed) >>> 0 || 1;
/** xorshift32: the same corpus for the same seed. */
const rand = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(xs: readonly T[], max: number): T[] => Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(xs));

const ACCOUNT = '123456789012';
const ACTIONS: Record<string, string[]> = {
  s3: ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'GetBucketLocation', 'Get*', 'List*', 'PutObjectAcl', 'GetObjcet'],
  dynamodb: ['GetItem', 'PutItem', 'Query', 'Scan', 'UpdateItem', 'DeleteItem', 'BatchGetItem', 'Describe*'],
  ec2: ['DescribeInstances', 'Describe*', 'StartInstances', 'StopInstances', 'TerminateInstances', 'RunInstances', 'CreateTags'],
  iam: ['GetUser', 'ListUsers', 'PassRole', 'CreateAccessKey', 'ChangePassword', 'Get*', 'List*', 'CreateVirtualMFADevice'],
  logs: ['CreateLogGroup', 'CreateLogStream', 'PutLogEvents', 'Describe*', 'GetLogEvents', 'FilterLogEvents'],
  kms: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'DescribeKey', 'ScheduleKeyDeletion'],
  lambda: ['InvokeFunction', 'GetFunction', 'UpdateFunctionCode', 'CreateFunction', 'List*'],
  sns: ['Publish', 'Subscribe', 'ListTopics'],
  sqs: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes'],
  cloudwatch: ['PutMetricData', 'GetMetricStatistics', 'Describe*', 'Get*Foo'],
};
const RESOURCES: Record<string, () => string> = {
  s3: () => pick([`arn:aws:s3:::bucket-${Math.floor(rand() * 50)}`, `arn:aws:s3:::bucket-${Math.floor(rand() * 50)}/*`, `arn:aws:s3:::bucket-${Math.floor(rand() * 50)}/home/\${aws:username}/*`]),
  dynamodb: () => `arn:aws:dynamodb:${pick(['us-east-1', 'eu-west-1'])}:${ACCOUNT}:table/${pick(['user-sessions-prod', 'orders', 'events'])}${rand() < 0.2 ? '/index/*' : ''}`,
  ec2: () => pick([`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`, `arn:aws:ec2:*:${ACCOUNT}:volume/vol-0abc`, '*']),
  iam: () => pick([`arn:aws:iam::${ACCOUNT}:user/\${aws:username}`, `arn:aws:iam::${ACCOUNT}:role/app-${Math.floor(rand() * 20)}`, `arn:aws:iam::${ACCOUNT}:mfa/\${aws:username}`]),
  logs: () => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/fn-${Math.floor(rand() * 30)}:*`,
  kms: () => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${'0123abcd-'.repeat(3)}0123`,
  lambda: () => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn-${Math.floor(rand() * 30)}`,
  sns: () => `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`,
  sqs: () => `arn:aws:sqs:us-east-1:${ACCOUNT}:queue-${Math.floor(rand() * 10)}`,
  cloudwatch: () => '*',
};
const CONDITIONS: (() => Record<string, Record<string, unknown>>)[] = [
  () => ({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
  () => ({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }),
  () => ({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7'] } }),
  () => ({ StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } }),
  () => ({ DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' } }),
  () => ({ StringEquals: { 'aws:PrincipalTag/team': 'data', 'aws:ResourceTag/env': 'prod' } }),
  () => ({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }),
  () => ({ Bool: { 'aws:SecureTransport': 'false' } }),
  () => ({ StringLike: { 's3:prefix': ['home/${aws:username}/*'] } }),
  () => ({ StringEqualz: { 'aws:username': 'a' } }),
];

function statement(kind: 'identity' | 'resource' | 'trust'): Record<string, unknown> {
  if (kind === 'trust') return { Effect: 'Allow', Principal: pick([{ Service: 'lambda.amazonaws.com' }, { AWS: `arn:aws:iam::${ACCOUNT}:root` }]), Action: 'sts:AssumeRole', ...(rand() < 0.5 ? { Condition: CONDITIONS[0]!() } : {}) };
  const services = some(Object.keys(ACTIONS), 2);
  const actions = [...new Set(services.flatMap((s) => some(ACTIONS[s]!, 5).map((a) => `${s}:${a}`)))];
  const resources = [...new Set(services.flatMap((s) => some([RESOURCES[s]!], 3).map((r) => r())))];
  const s: Record<string, unknown> = {
    ...(rand() < 0.6 ? { Sid: `Stmt${Math.floor(rand() * 1e6)}` } : {}),
    Effect: rand() < 0.85 ? 'Allow' : 'Deny',
    Action: actions.length === 1 && rand() < 0.5 ? actions[0] : actions,
    Resource: rand() < 0.02 ? '' : resources.length === 1 ? resources[0] : resources,
  };
  if (kind === 'resource') s.Principal = { AWS: `arn:aws:iam::${ACCOUNT}:role/app-1` };
  if (rand() < 0.4) s.Condition = Object.assign({}, ...some(CONDITIONS, 2).map((c) => c()));
  return s;
}

function policy(): string {
  const kind = rand() < 0.8 ? 'identity' : rand() < 0.5 ? 'resource' : 'trust';
  const size = kind === 'trust' ? 1 + Math.floor(rand() * 2) : Math.min(30, 1 + Math.floor(-Math.log(1 - rand()) * 5));
  const doc = { Version: rand() < 0.97 ? '2012-10-17' : '2008-10-17', Statement: Array.from({ length: size }, () => statement(kind)) };
  return JSON.stringify(doc, null, rand() < 0.7 ? 2 : 0);
}

const corpus = Array.from({ length: count }, policy);
const bytes = corpus.reduce((n, t) => n + t.length, 0);
const statements = corpus.reduce((n, t) => n + (JSON.parse(t) as { Statement: unknown[] }).Statement.length, 0);

/** Wall time and CPU time (user + system) of one pass: on a shared, loaded machine the CPU time is the fairer figure. */
function time(fn: () => number): { ms: number; cpuMs: number; out: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, out };
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The first run loads the catalogue files the corpus names (about ten services): reported apart.
const cold = time(() => corpus.reduce((n, t, i) => n + lintText(t, `p${i}.json`).length, 0));
const lintRuns: number[] = [];
const lintCpu: number[] = [];
const parseRuns: number[] = [];
const jsonRuns: number[] = [];
for (let r = 0; r < runs; r++) {
  jsonRuns.push(time(() => corpus.reduce((n, t) => n + (JSON.parse(t) ? 1 : 0), 0)).ms);
  parseRuns.push(time(() => corpus.reduce((n, t, i) => n + (parsePolicyText(t, `p${i}.json`).duplicateKeys.length + 1), 0)).ms);
  const run = time(() => corpus.reduce((n, t, i) => n + lintText(t, `p${i}.json`).length, 0));
  lintRuns.push(run.ms);
  lintCpu.push(run.cpuMs);
}

console.log(`corpus: ${count} policies, ${statements} statements, ${(bytes / 1024).toFixed(0)} KiB; ${cold.out} findings`);
console.log(`lint, first run (catalogue loaded): ${cold.ms.toFixed(0)} ms wall, ${cold.cpuMs.toFixed(0)} ms CPU`);
console.log(`lint, median of ${runs}:              ${median(lintRuns).toFixed(0)} ms wall, ${median(lintCpu).toFixed(0)} ms CPU (${(count / (median(lintRuns) / 1000)).toFixed(0)} policies/s wall)`);
console.log(`  of which parsing with positions:    ${median(parseRuns).toFixed(0)} ms`);
console.log(`  JSON.parse alone, for scale:        ${median(jsonRuns).toFixed(0)} ms`);
console.log(`load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
