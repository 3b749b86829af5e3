import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { planContext, step } from '../../test/fixtures/steps.js';
import type { Session } from '../aws/session.js';
import { applyExitCode, applyPlan, type ApplyEvent } from './apply.js';
import { openJournal, readJournal, type Journal } from './journal.js';
import type { ApplyContext, SecretSink, Step } from './types.js';

const sdkError = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

let stateDir: string;
let journal: Journal;
const secrets: SecretSink = async (name) => `/nowhere/${name}`;
const ctx: ApplyContext = { ...planContext(), session: {} as Session, secrets };

beforeEach(async () => {
  stateDir = join(await mkdtemp(join(tmpdir(), 'rampart-apply-')), '.rampart');
  journal = await openJournal(stateDir);
});

async function apply(steps: Step[]) {
  const events: ApplyEvent[] = [];
  const summary = await applyPlan(steps, ctx, { journal, onEvent: (e) => events.push(e) });
  const outcome = Object.fromEntries(
    (['done', 'failed', 'skipped', 'refused', 'manual', 'noop'] as const).flatMap((k) => summary[k].map((r) => [r.step.id, `${k}: ${r.detail}`])),
  );
  return { summary, events, outcome };
}

describe('applyPlan', () => {
  it('runs create and update steps in order and journals each', async () => {
    const ran: string[] = [];
    const run = (id: string) => async () => {
      ran.push(id);
      return `did ${id}\nsecond line never shown`;
    };
    const { summary, outcome } = await apply([step('a', { run: run('a') }), step('b', { kind: 'update', run: run('b') }), step('c', { kind: 'noop' })]);
    expect(ran).toEqual(['a', 'b']);
    expect(outcome).toEqual({ a: 'done: did a', b: 'done: did b', c: 'noop: detail of c' });
    expect(applyExitCode(summary)).toBe(0);
    const entries = await readJournal(stateDir);
    expect(entries.map((e) => `${e.stepId}:${e.event}`)).toEqual(['a:start', 'a:done', 'b:start', 'b:done']);
  });

  it('a failed step skips the steps that depend on it, directly or not, and the rest go on', async () => {
    const { summary, outcome } = await apply([
      step('bucket', { run: async () => { throw sdkError('BucketAlreadyExists', 'The requested bucket name is not available', 409); } }),
      step('trail', { dependsOn: ['bucket'] }),
      step('alarms', { dependsOn: ['trail'] }),
      step('budget'),
    ]);
    expect(outcome).toEqual({
      bucket: 'failed: BucketAlreadyExists: The requested bucket name is not available',
      trail: 'skipped: not run: it needs bucket, which failed',
      alarms: 'skipped: not run: it needs trail, which was skipped',
      budget: 'done: did budget',
    });
    expect(applyExitCode(summary)).toBe(1);
    const entries = await readJournal(stateDir);
    expect(entries.map((e) => `${e.stepId}:${e.event}`)).toEqual(['bucket:start', 'bucket:failed', 'trail:skipped', 'alarms:skipped', 'budget:start', 'budget:done']);
  });

  it('a permission error names the missing action from the message, else the step actions', async () => {
    const denied = 'User: arn:aws:iam::123456789012:user/ops is not authorized to perform: cloudtrail:CreateTrail on resource: arn:aws:cloudtrail:us-east-1:123456789012:trail/x';
    const { summary, outcome } = await apply([
      step('trail', { actions: ['cloudtrail:CreateTrail', 'cloudtrail:StartLogging'], run: async () => { throw sdkError('AccessDeniedException', denied); } }),
      step('bucket', { actions: ['s3:CreateBucket'], run: async () => { throw sdkError('AccessDenied', 'Access Denied', 403); } }),
      step('topic', { actions: ['sns:CreateTopic', 'sns:Subscribe'], run: async () => { throw sdkError('AuthorizationError', 'not allowed'); } }),
      step('budget'),
    ]);
    expect(outcome.trail).toBe('failed: permission denied (AccessDeniedException): the caller needs cloudtrail:CreateTrail');
    expect(outcome.bucket).toBe('failed: permission denied (AccessDenied): the caller needs s3:CreateBucket');
    expect(outcome.topic).toBe('failed: permission denied (AuthorizationError): the caller needs one of sns:CreateTopic, sns:Subscribe');
    expect(summary.failed.map((r) => r.missingAction)).toEqual(['cloudtrail:CreateTrail', 's3:CreateBucket', 'sns:CreateTopic, sns:Subscribe']);
    expect(outcome.budget).toBe('done: did budget');
  });

  it('never runs a refused step, and skips what depends on it', async () => {
    let ran = false;
    const { summary, outcome } = await apply([
      step('force-mfa', { refused: 'you have no MFA session: it would lock you out', run: async () => { ran = true; return 'x'; } }),
      step('attach', { dependsOn: ['force-mfa'] }),
    ]);
    expect(ran).toBe(false);
    expect(outcome).toEqual({ 'force-mfa': 'refused: you have no MFA session: it would lock you out', attach: 'skipped: not run: it needs force-mfa, which was refused' });
    expect(applyExitCode(summary)).toBe(1);
    expect((await readJournal(stateDir)).map((e) => e.event)).toEqual(['refused', 'skipped']);
  });

  it('lists manual steps without running them; a manual dependency does not block', async () => {
    const manual = { console: ['Sign in as root', 'Security credentials > Assign MFA device'], verify: 'rampart audit --check root-mfa' };
    const { summary, outcome } = await apply([step('root-mfa', { kind: 'manual', manual, run: undefined }), step('alarm', { dependsOn: ['root-mfa'] })]);
    expect(summary.manual.map((r) => r.step.manual)).toEqual([manual]);
    expect(outcome.alarm).toBe('done: did alarm');
    expect(applyExitCode(summary)).toBe(0);
  });

  it('stops when the credentials stop working: the rest is skipped, exit 3', async () => {
    const { summary, outcome } = await apply([
      step('a', { run: async () => { throw sdkError('ExpiredToken', 'The security token included in the request is expired', 403); } }),
      step('b'),
    ]);
    expect(summary.aborted).toBe('the credentials stopped working (ExpiredToken)');
    expect(outcome.b).toBe('skipped: not run: the credentials stopped working (ExpiredToken)');
    expect(applyExitCode(summary)).toBe(3);
  });

  it('reports a step that throws a plain error with its message, one line', async () => {
    const { outcome } = await apply([step('a', { run: async () => { throw new Error('no alert email in the spec\nstack...'); } }), step('b', { run: undefined })]);
    expect(outcome).toEqual({ a: 'failed: no alert email in the spec', b: 'failed: internal error: step b has nothing to run' });
  });

  it('tells the listener when a step starts and how it ended', async () => {
    const { events } = await apply([step('a'), step('b', { kind: 'noop' })]);
    expect(events.map((e) => (e.type === 'start' ? `start ${e.step.id}` : `${e.outcome} ${e.step.id}`))).toEqual(['start a', 'done a', 'noop b']);
  });
});
