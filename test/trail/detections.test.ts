// Every detection on generated events: what it must flag and, as important, what it must not (failed calls,
// AwsServiceEvent, calls a service made on a user's behalf, unknown regions, MFAUsed in upper case).
import { afterAll, describe, expect, it } from 'vitest';
import { DETECTIONS } from '../../src/trail/detections/index.js';
import { ACCOUNT, at, event, root, runInstances, service, signIn, user, viaService, type CloudTrailRecord } from './events.js';
import { huntRecords, idOf } from './hunt-helper.js';

const covered = new Set<string>();
const alice = user('alice', 'AKIAALICEALICEALICE1');
const bob = user('bob', 'AKIABOBBOBBOBBOBBOB1');

/** Runs the hunt; returns which of `records` each detection flagged. */
async function flags(records: CloudTrailRecord[]) {
  const h = await huntRecords(records);
  expect(h.fastFiles).toBe(1);
  const of = (id: string, r: CloudTrailRecord) => h.flagged.get(id)?.has(idOf(r)) === true;
  return {
    yes(id: string, ...rs: CloudTrailRecord[]) {
      for (const r of rs) expect(of(id, r), `${id} should flag ${String(r.eventName)} at ${String(r.eventTime)}`).toBe(true);
      covered.add(id);
    },
    no(id: string, ...rs: CloudTrailRecord[]) {
      for (const r of rs) expect(of(id, r), `${id} should not flag ${String(r.eventName)} at ${String(r.eventTime)}`).toBe(false);
    },
    ids: (r: CloudTrailRecord) => [...h.flagged.entries()].filter(([, s]) => s.has(idOf(r))).map(([id]) => id),
  };
}

/** Ordinary work of `who` on `days` days from 9:00 to 17:00 UTC in us-east-1, from one address with aws-cli. */
function routine(who: ReturnType<typeof user>, days: number, opts: { source?: string; name?: string; ip?: string } = {}): CloudTrailRecord[] {
  const out: CloudTrailRecord[] = [];
  for (let d = 0; d < days; d++)
    for (let h = 9; h <= 17; h += 2)
      out.push(event({ time: `2026-11-${String(9 + d).padStart(2, '0')}T${String(h).padStart(2, '0')}:10:00Z`, name: opts.name ?? 'ListBuckets', source: opts.source ?? 's3.amazonaws.com', identity: who, ip: opts.ip ?? '198.51.100.10' }));
  return out;
}

describe('root', () => {
  it('flags root sign-ins and root API calls, not failures, service calls or other users', async () => {
    const ok = signIn('2026-11-20T10:00:00Z', root(), { mfa: 'Yes' });
    const failed = signIn('2026-11-20T10:01:00Z', root(), { ok: false });
    const userSignIn = signIn('2026-11-20T10:02:00Z', alice);
    const call = event({ time: '2026-11-20T10:05:00Z', name: 'ListBuckets', source: 's3.amazonaws.com', identity: root() });
    const keyCall = event({ time: '2026-11-20T10:06:00Z', name: 'DescribeInstances', source: 'ec2.amazonaws.com', identity: root('AKIAROOTROOTROOTROOT') });
    const deniedCall = event({ time: '2026-11-20T10:07:00Z', name: 'DeleteBucket', source: 's3.amazonaws.com', identity: root(), error: 'AccessDenied' });
    const onBehalf = event({ time: '2026-11-20T10:08:00Z', name: 'CreateStack', source: 'cloudformation.amazonaws.com', identity: { ...root(), invokedBy: 'cloudformation.amazonaws.com' } });
    const serviceEvent = event({ time: '2026-11-20T10:09:00Z', name: 'SharedSnapshotCopyInitiated', source: 'ec2.amazonaws.com', identity: root(), eventType: 'AwsServiceEvent' });
    const f = await flags([ok, failed, userSignIn, call, keyCall, deniedCall, onBehalf, serviceEvent]);
    f.yes('root-sign-in', ok);
    f.no('root-sign-in', failed, userSignIn);
    f.yes('root-api-use', call, keyCall);
    f.no('root-api-use', ok, deniedCall, onBehalf, serviceEvent);
  });

  it('flags a root access key being created, not root creating a key for a user', async () => {
    const forRoot = event({ time: '2026-11-20T10:00:00Z', name: 'CreateAccessKey', identity: root(), request: null });
    const forUser = event({ time: '2026-11-20T10:01:00Z', name: 'CreateAccessKey', identity: root(), request: { userName: 'alice' } });
    const f = await flags([forRoot, forUser]);
    f.yes('root-access-key-created', forRoot);
    f.no('root-access-key-created', forUser);
  });
});

describe('console sign-in', () => {
  it('flags a sign-in without MFA, not with MFA however it is spelled, nor a failed one', async () => {
    const noMfa = signIn('2026-11-20T10:00:00Z', alice, { mfa: 'No' });
    const upper = signIn('2026-11-20T11:00:00Z', bob, { mfa: 'YES' });
    const normal = signIn('2026-11-20T12:00:00Z', bob, { mfa: 'Yes' });
    const failed = signIn('2026-11-20T13:00:00Z', alice, { ok: false, mfa: 'No' });
    const f = await flags([noMfa, upper, normal, failed]);
    f.yes('sign-in-without-mfa', noMfa);
    f.no('sign-in-without-mfa', upper, normal, failed);
  });

  it('flags five failed sign-ins from one address within ten minutes, not four, nor five spread over an hour', async () => {
    const burst = [0, 1, 2, 3, 4].map((m) => signIn(at('2026-11-20T10:00:00Z', m), alice, { ok: false, ip: '203.0.113.5' }));
    const four = [0, 1, 2, 3].map((m) => signIn(at('2026-11-20T12:00:00Z', m), alice, { ok: false, ip: '203.0.113.6' }));
    const slow = [0, 15, 30, 45, 60].map((m) => signIn(at('2026-11-20T14:00:00Z', m), alice, { ok: false, ip: '203.0.113.7' }));
    const f = await flags([...burst, ...four, ...slow]);
    f.yes('failed-sign-in-burst', burst[4]!);
    f.no('failed-sign-in-burst', ...four, ...slow);
  });
});

describe('IAM', () => {
  it('flags access keys created; a failed CreateAccessKey is an attempt', async () => {
    const created = event({ time: '2026-11-20T10:00:00Z', name: 'CreateAccessKey', identity: alice, request: { userName: 'bob' } });
    const denied = event({ time: '2026-11-20T10:01:00Z', name: 'CreateAccessKey', identity: alice, request: { userName: 'carol' }, error: 'AccessDenied' });
    const f = await flags([created, denied]);
    f.yes('access-key-created', created);
    f.no('access-key-created', denied);
    f.yes('failed-sensitive-call', denied);
  });

  it('flags users, passwords and admin attachments by an identity that rarely does IAM work', async () => {
    const iamAdmin = user('iam-admin', 'AKIAIAMADMINIAMADMIN');
    const history = routine(iamAdmin, 3, { source: 'iam.amazonaws.com', name: 'ListUsers' });
    const byAdmin = event({ time: '2026-11-20T10:00:00Z', name: 'CreateUser', identity: iamAdmin, request: { userName: 'new-hire' } });
    const byAlice = event({ time: '2026-11-20T11:00:00Z', name: 'CreateUser', identity: alice, request: { userName: 'backdoor' } });
    const profile = event({ time: '2026-11-20T11:01:00Z', name: 'CreateLoginProfile', identity: alice, request: { userName: 'backdoor' } });
    const admin = event({ time: '2026-11-20T11:02:00Z', name: 'AttachUserPolicy', identity: alice, request: { userName: 'backdoor', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } });
    const readOnly = event({ time: '2026-11-20T11:03:00Z', name: 'AttachUserPolicy', identity: alice, request: { userName: 'backdoor', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } });
    const viaStack = event({ time: '2026-11-20T11:04:00Z', name: 'CreateUser', identity: viaService('bob', 'cloudformation.amazonaws.com'), request: { userName: 'stack-user' } });
    const f = await flags([...history, byAdmin, byAlice, profile, admin, readOnly, viaStack]);
    f.yes('iam-by-unusual-identity', byAlice, profile, admin);
    f.no('iam-by-unusual-identity', byAdmin, readOnly, viaStack);
  });
});

describe('logging and monitoring', () => {
  it('flags CloudTrail stopped, deleted or narrowed; a StopLogging that failed with TrailNotFound is an attempt only', async () => {
    const stopped = event({ time: '2026-11-20T10:00:00Z', name: 'StopLogging', source: 'cloudtrail.amazonaws.com', identity: alice, request: { name: 'main' } });
    const deleted = event({ time: '2026-11-20T10:01:00Z', name: 'DeleteTrail', source: 'cloudtrail.amazonaws.com', identity: alice, request: { name: 'main' } });
    const selectors = event({ time: '2026-11-20T10:02:00Z', name: 'PutEventSelectors', source: 'cloudtrail.amazonaws.com', identity: alice, request: { trailName: 'main' } });
    const attempt = event({ time: '2026-11-20T10:03:00Z', name: 'StopLogging', source: 'cloudtrail.amazonaws.com', identity: bob, request: { name: 'nope' }, error: 'TrailNotFoundException' });
    const f = await flags([stopped, deleted, selectors, attempt]);
    f.yes('cloudtrail-tampered', stopped, deleted, selectors);
    f.no('cloudtrail-tampered', attempt);
    f.yes('failed-sensitive-call', attempt);
    expect(f.ids(attempt)).toEqual(['failed-sensitive-call']);
  });

  it('flags GuardDuty and Config turned off, not turned on, nor by AWS itself', async () => {
    const gd = event({ time: '2026-11-20T10:00:00Z', name: 'DeleteDetector', source: 'guardduty.amazonaws.com', identity: alice, request: { detectorId: 'd1' } });
    const suspended = event({ time: '2026-11-20T10:01:00Z', name: 'UpdateDetector', source: 'guardduty.amazonaws.com', identity: alice, request: { detectorId: 'd1', enable: false } });
    const enabled = event({ time: '2026-11-20T10:02:00Z', name: 'UpdateDetector', source: 'guardduty.amazonaws.com', identity: alice, request: { detectorId: 'd1', enable: true } });
    const config = event({ time: '2026-11-20T10:03:00Z', name: 'StopConfigurationRecorder', source: 'config.amazonaws.com', identity: alice, request: { configurationRecorderName: 'default' } });
    const byAws = event({ time: '2026-11-20T10:04:00Z', name: 'StopConfigurationRecorder', source: 'config.amazonaws.com', identity: service('config.amazonaws.com'), eventType: 'AwsServiceEvent' });
    const f = await flags([gd, suspended, enabled, config, byAws]);
    f.yes('monitoring-disabled', gd, suspended, config);
    f.no('monitoring-disabled', enabled, byAws);
  });
});

describe('exposure', () => {
  it('flags bucket policies and ACLs that let everyone in, and removed public access blocks', async () => {
    const stmt = (principal: unknown) => ({ bucketName: 'data', bucketPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }] } });
    const open = event({ time: '2026-11-20T10:00:00Z', name: 'PutBucketPolicy', source: 's3.amazonaws.com', identity: alice, request: stmt('*') });
    const openAws = event({ time: '2026-11-20T10:01:00Z', name: 'PutBucketPolicy', source: 's3.amazonaws.com', identity: alice, request: stmt({ AWS: '*' }) });
    const scoped = event({ time: '2026-11-20T10:02:00Z', name: 'PutBucketPolicy', source: 's3.amazonaws.com', identity: alice, request: stmt({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) });
    const acl = event({
      time: '2026-11-20T10:03:00Z',
      name: 'PutBucketAcl',
      source: 's3.amazonaws.com',
      identity: alice,
      request: { bucketName: 'data', AccessControlPolicy: { AccessControlList: { Grant: [{ Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] } } },
    });
    const pab = event({ time: '2026-11-20T10:04:00Z', name: 'DeleteBucketPublicAccessBlock', source: 's3.amazonaws.com', identity: alice, request: { bucketName: 'data' } });
    const failed = event({ time: '2026-11-20T10:05:00Z', name: 'PutBucketPolicy', source: 's3.amazonaws.com', identity: alice, request: stmt('*'), error: 'AccessDenied' });
    const f = await flags([open, openAws, scoped, acl, pab, failed]);
    f.yes('bucket-made-public', open, openAws, acl, pab);
    f.no('bucket-made-public', scoped, failed);
  });
});

describe('instances', () => {
  it('flags GPU and accelerator families, not others, not failed launches', async () => {
    const gpu = ['p3.2xlarge', 'g4dn.xlarge', 'inf2.xlarge', 'trn1.2xlarge', 'dl1.24xlarge', 'G5.xlarge'].map((t, i) => runInstances(at('2026-11-20T10:00:00Z', i * 200), alice, 'us-east-1', t));
    const plain = runInstances('2026-11-20T10:30:00Z', alice, 'us-east-1', 't3.micro');
    const failed = runInstances('2026-11-20T10:31:00Z', alice, 'us-east-1', 'p4d.24xlarge', { error: 'InsufficientInstanceCapacity' });
    // Some writers put the type only in the first item of instancesSet.
    const inItem = (t: string, time: string) => {
      const r = runInstances(time, alice, 'us-east-1', t);
      r.requestParameters = { instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', instanceType: t, minCount: 1, maxCount: 1 }] } };
      return r;
    };
    const gpuInItem = inItem('g5.2xlarge', '2026-11-20T10:32:00Z');
    const plainInItem = inItem('m5.large', '2026-11-20T10:33:00Z');
    const f = await flags([...gpu, plain, failed, gpuInItem, plainInItem]);
    f.yes('gpu-instances', ...gpu, gpuInItem);
    f.no('gpu-instances', plain, failed, plainInItem);
    f.yes('failed-sensitive-call', failed);
  });

  it('flags launches in regions the account does not use, never in unknown or anonymised regions', async () => {
    const history = [...routine(alice, 3), ...routine(alice, 3).map((r) => ({ ...r, eventID: `${String(r.eventID)}-w`, awsRegion: 'eu-west-1' }))];
    const usual = runInstances('2026-11-20T10:00:00Z', alice, 'us-east-1', 't3.micro');
    const usual2 = runInstances('2026-11-20T10:01:00Z', alice, 'eu-west-1', 't3.micro');
    const fresh = runInstances('2026-11-20T12:00:00Z', alice, 'ap-south-1', 't3.micro');
    const unknown = runInstances('2026-11-20T12:01:00Z', alice, 'unknown', 't3.micro');
    const anonymised = runInstances('2026-11-20T12:02:00Z', alice, 'region-xxxxxxxx', 't3.micro');
    const f = await flags([...history, usual, usual2, fresh, unknown, anonymised]);
    f.yes('launch-in-unused-region', fresh);
    f.no('launch-in-unused-region', usual, usual2, unknown, anonymised);
  });

  it('flags launches in three regions within an hour, not spread over hours, not counting unknown regions', async () => {
    const spree = ['us-east-1', 'us-west-2', 'eu-west-1'].map((r, i) => runInstances(at('2026-11-20T03:47:00Z', i * 10), alice, r, 't3.micro'));
    const slow = ['us-east-1', 'us-west-2', 'eu-west-1'].map((r, i) => runInstances(at('2026-11-18T03:00:00Z', i * 90), alice, r, 't3.micro'));
    const partly = ['us-east-1', 'us-west-2'].map((r, i) => runInstances(at('2026-11-16T03:00:00Z', i * 5), alice, r, 't3.micro'));
    const blank = runInstances('2026-11-16T03:10:00Z', alice, 'x', 't3.micro');
    delete blank.awsRegion;
    const f = await flags([...spree, ...slow, ...partly, blank]);
    f.yes('launches-across-regions', spree[2]!);
    f.no('launches-across-regions', spree[0]!, ...slow, ...partly, blank);
  });
});

describe('behaviour', () => {
  it('flags activity at an hour the identity is never active, once it has history', async () => {
    const night = event({ time: '2026-11-20T03:12:00Z', name: 'ListBuckets', source: 's3.amazonaws.com', identity: alice });
    const day = event({ time: '2026-11-20T11:10:00Z', name: 'ListBuckets', source: 's3.amazonaws.com', identity: alice });
    const newcomerNight = event({ time: '2026-11-20T03:13:00Z', name: 'ListBuckets', source: 's3.amazonaws.com', identity: bob });
    const f = await flags([...routine(alice, 4), night, day, ...routine(bob, 1), newcomerNight]);
    f.yes('unusual-hour', night);
    f.no('unusual-hour', day, newcomerNight);
  });

  it('flags a burst of AccessDenied from one identity, not fewer, not spread out', async () => {
    const denied = (t: string, who = alice) => event({ time: t, name: 'ListSecrets', source: 'secretsmanager.amazonaws.com', identity: who, error: 'AccessDenied' });
    const burst = Array.from({ length: 10 }, (_, i) => denied(at('2026-11-20T10:00:00Z', i * 0.5)));
    const nine = Array.from({ length: 9 }, (_, i) => denied(at('2026-11-20T10:00:00Z', i * 0.5), bob));
    const slow = Array.from({ length: 10 }, (_, i) => denied(at('2026-11-19T10:00:00Z', i * 15)));
    const f = await flags([...burst, ...nine, ...slow]);
    f.yes('access-denied-burst', burst[9]!);
    f.no('access-denied-burst', ...nine, ...slow);
  });

  it('flags a key used from a new address and by a new tool, only after it has history', async () => {
    const first = event({ time: '2026-11-20T10:00:00Z', name: 'GetObject', source: 's3.amazonaws.com', identity: alice, ip: '203.0.113.99', ua: 'Boto3/1.34.0 md/Botocore#1.34.0 Python/3.12' });
    const second = event({ time: '2026-11-20T10:05:00Z', name: 'GetObject', source: 's3.amazonaws.com', identity: alice, ip: '203.0.113.99', ua: 'Boto3/1.34.0 md/Botocore#1.34.0 Python/3.12' });
    const bobFirstDay = [0, 20].map((m) => event({ time: at('2026-11-20T09:00:00Z', m), name: 'GetObject', source: 's3.amazonaws.com', identity: bob, ip: m ? '198.51.100.20' : '198.51.100.21' }));
    // A new version of a tool it already used is not a new tool; two agents of one new tool at its first moment both are.
    const upgraded = event({ time: '2026-11-20T11:00:00Z', name: 'GetObject', source: 's3.amazonaws.com', identity: alice, ua: 'aws-cli/2.22.1 Python/3.12.6 Darwin/23.1' });
    const twins = ['curl/8.4.0', 'curl/7.88.1'].map((ua) => event({ time: '2026-11-20T12:00:00Z', name: 'GetObject', source: 's3.amazonaws.com', identity: alice, ua }));
    const laterCurl = event({ time: '2026-11-20T12:30:00Z', name: 'GetObject', source: 's3.amazonaws.com', identity: alice, ua: 'curl/8.5.0' });
    const f = await flags([...routine(alice, 3), first, second, ...bobFirstDay, upgraded, ...twins, laterCurl]);
    f.yes('key-new-ip', first);
    f.yes('key-new-user-agent', first, ...twins);
    f.no('key-new-ip', second, ...bobFirstDay);
    f.no('key-new-user-agent', second, ...bobFirstDay, upgraded, laterCurl);
  });

  it('flags a leaked key being checked by a scanner, not the owner checking who they are', async () => {
    const scanner = event({ time: '2026-11-20T10:00:00Z', name: 'GetCallerIdentity', identity: alice, ip: '203.0.113.66', ua: 'TruffleHog' });
    const owner = event({ time: '2026-11-20T11:00:00Z', name: 'GetCallerIdentity', identity: alice });
    const f = await flags([scanner, owner]);
    f.yes('leaked-key-check', scanner);
    f.no('leaked-key-check', owner);
  });
});

describe('organizations', () => {
  it('flags leaving the organization; a failed attempt is an attempt', async () => {
    const left = event({ time: '2026-11-20T10:00:00Z', name: 'LeaveOrganization', source: 'organizations.amazonaws.com', identity: alice });
    const tried = event({ time: '2026-11-20T10:01:00Z', name: 'LeaveOrganization', source: 'organizations.amazonaws.com', identity: bob, error: 'ConstraintViolationException' });
    const byAws = event({ time: '2026-11-20T10:02:00Z', name: 'RunInstances', identity: service('autoscaling.amazonaws.com'), error: 'InsufficientInstanceCapacity', eventType: 'AwsServiceEvent' });
    const f = await flags([left, tried, byAws]);
    f.yes('leave-organization', left);
    f.no('leave-organization', tried);
    f.yes('failed-sensitive-call', tried);
    f.no('failed-sensitive-call', byAws);
  });
});

afterAll(() => {
  // Every detection has at least one positive case above.
  expect([...covered].sort()).toEqual(DETECTIONS.map((d) => d.id).sort());
});
