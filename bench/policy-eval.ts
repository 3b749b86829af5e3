// Policy evaluations per second for one principal with 10 policies x 20 statements, every statement with conditions
// (regions, MFA, source IP, time window, tags, prefixes with policy variables), against a pool of varied requests.
// Run: npm run bench:policy-eval [-- --seconds 3]
// The machine is shared: compare the figures of one run with each other (ratios), not across runs.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { compileInputs, evaluate, explain, prepareRequest, type EvalRequest } from '../src/policy/eval/index.js';
import { toPolicy } from '../src/policy/model.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
const seconds = Number(values.seconds);

// A small deterministic PRNG so every run measures the same policies and requests.
let seed = 42;
const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const SERVICES: Record<string, string[]> = {
  s3: ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'GetBucketPolicy', 'PutBucketPolicy'],
  ec2: ['DescribeInstances', 'RunInstances', 'TerminateInstances', 'StartInstances', 'StopInstances'],
  iam: ['CreateUser', 'DeleteUser', 'GetUser', 'ListUsers', 'AttachUserPolicy', 'PassRole'],
  dynamodb: ['GetItem', 'PutItem', 'Query', 'Scan', 'DeleteTable'],
  lambda: ['InvokeFunction', 'CreateFunction', 'UpdateFunctionCode', 'GetFunction'],
  kms: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'ScheduleKeyDeletion'],
  logs: ['GetLogEvents', 'PutLogEvents', 'DescribeLogGroups'],
  sqs: ['SendMessage', 'ReceiveMessage', 'DeleteQueue'],
};
const ACCOUNT = '123456789012';
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
const services = Object.keys(SERVICES);

function resourceFor(service: string, name: string): string {
  switch (service) {
    case 's3':
      return `arn:aws:s3:::${name}/*`;
    case 'iam':
      return `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`;
    case 'dynamodb':
      return `arn:aws:dynamodb:*:${ACCOUNT}:table/${name}-*`;
    default:
      return `arn:aws:${service}:*:${ACCOUNT}:*`;
  }
}

function condition(): Record<string, unknown> {
  const all: Record<string, unknown>[] = [
    { StringEquals: { 'aws:RequestedRegion': [pick(REGIONS), pick(REGIONS)] } },
    { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
    { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24', '2001:db8::/32'] } },
    { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' }, DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } },
    { StringEquals: { 'aws:PrincipalTag/team': ['ops', 'dev'] } },
    { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'shared/*'] } },
    { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team', 'cost-center'] } },
    { NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '3600' } },
  ];
  return Object.assign({}, pick(all), pick(all));
}

function statement(i: number): Record<string, unknown> {
  const service = pick(services);
  const actions = [pick(SERVICES[service]!), pick(SERVICES[service]!)].map((a) => `${service}:${rand() < 0.2 ? `${a.slice(0, 3)}*` : a}`);
  return {
    Sid: `S${i}`,
    Effect: rand() < 0.15 ? 'Deny' : 'Allow',
    Action: actions,
    Resource: [resourceFor(service, pick(['logs', 'data', 'app', 'reports'])), resourceFor(service, 'backup')],
    Condition: condition(),
  };
}

const policies = Array.from({ length: 10 }, (_, p) => toPolicy({ Version: '2012-10-17', Statement: Array.from({ length: 20 }, (_, s) => statement(s)) }, `policy-${p}`));
const compiled = compileInputs({ identity: policies });

function request(): EvalRequest {
  const service = pick(services);
  const name = pick(['logs', 'data', 'app', 'reports', 'other']);
  const resource =
    service === 's3' ? `arn:aws:s3:::${name}/home/alice/file.txt` : service === 'iam' ? `arn:aws:iam::${ACCOUNT}:user/alice` : `arn:aws:${service}:${pick(REGIONS)}:${ACCOUNT}:${name}-x`;
  return {
    action: `${service}:${pick(SERVICES[service]!)}`,
    resource,
    principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
    context: {
      'aws:RequestedRegion': pick(REGIONS),
      'aws:MultiFactorAuthPresent': rand() < 0.7 ? 'true' : 'false',
      'aws:SourceIp': pick(['203.0.113.7', '192.0.2.1', '2001:db8::5']),
      'aws:CurrentTime': '2026-06-01T12:00:00Z',
      'aws:PrincipalTag/team': pick(['ops', 'dev', 'finance']),
      's3:prefix': pick(['home/alice/x', 'shared/y', 'private/z']),
      'aws:TagKeys': rand() < 0.5 ? ['env', 'team'] : ['env', 'secret'],
    },
  };
}

const requests = Array.from({ length: 1000 }, request);
const prepared = requests.map(prepareRequest);

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(11);

/** Evaluations per second of CPU time (what one core does, whatever else the machine runs) and of wall time. */
function run(label: string, body: (i: number) => unknown): number {
  // Warm up (JIT, the per-action statement index), then count evaluations for `seconds` of wall time.
  for (let i = 0; i < 20_000; i++) body(i);
  let n = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) body(n + i);
    n += 1000;
  }
  const cpu = process.cpuUsage(cpuStart);
  const perCpu = n / ((cpu.user + cpu.system) / 1e6);
  const perWall = n / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(32)} ${fmt(perCpu)} /s of CPU  ${fmt(perWall)} /s of wall time`);
  return perCpu;
}

console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
const decisions = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
for (const r of prepared) decisions[evaluate(compiled, r).decision]++;
console.log(`10 policies x 20 statements, every statement with conditions; 1,000 requests: ${JSON.stringify(decisions)}`);
const compileStart = performance.now();
for (let i = 0; i < 100; i++) compileInputs({ identity: policies });
console.log(`compile the 10 policies: ${((performance.now() - compileStart) / 100).toFixed(2)} ms`);
const prepared_ = run('evaluate (request prepared once)', (i) => evaluate(compiled, prepared[i % 1000]!));
const full = run('prepare + evaluate', (i) => evaluate(compiled, prepareRequest(requests[i % 1000]!)));
const explained = run('prepare + evaluate + explain', (i) => {
  const p = prepareRequest(requests[i % 1000]!);
  return explain(compiled, evaluate(compiled, p), p);
});
console.log(`ratios in this run: prepare+evaluate = ${(full / prepared_).toFixed(2)} x evaluate; with explain = ${(explained / prepared_).toFixed(2)} x evaluate`);
