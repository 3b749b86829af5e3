// A small typed generator of CloudTrail records, so every detection is tested on events built for it and the
// seed 002 story is one readable scenario. Field names and shapes are CloudTrail's.
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const ACCOUNT = '111122223333';

export interface Identity {
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'AWSService' | 'AWSAccount';
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  mfaAuthenticated?: 'true' | 'false';
}

export interface EventSpec {
  time: string;
  name: string;
  source?: string;
  region?: string | null;
  ip?: string;
  ua?: string;
  error?: string;
  identity: Identity;
  request?: Record<string, unknown> | null;
  response?: Record<string, unknown> | null;
  additional?: Record<string, unknown>;
  eventType?: string;
}

export type CloudTrailRecord = Record<string, unknown>;

export const root = (key?: string): Identity => ({ type: 'Root', arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, ...(key ? { accessKeyId: key } : {}) });
export const user = (name: string, key?: string): Identity => ({
  type: 'IAMUser',
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  accountId: ACCOUNT,
  userName: name,
  ...(key ? { accessKeyId: key } : {}),
});
export const service = (name: string): Identity => ({ type: 'AWSService', invokedBy: name });
/** A user acting through a service on its behalf (CloudFormation, the console's backend). */
export const viaService = (name: string, by: string, key?: string): Identity => ({ ...user(name, key), invokedBy: by });

let counter = 0;
export function event(s: EventSpec): CloudTrailRecord {
  counter++;
  const sourceOf: Record<string, string> = {
    ConsoleLogin: 'signin.amazonaws.com',
    RunInstances: 'ec2.amazonaws.com',
    GetCallerIdentity: 'sts.amazonaws.com',
  };
  const ui: Record<string, unknown> = { type: s.identity.type };
  if (s.identity.arn) ui.arn = s.identity.arn;
  if (s.identity.accountId) ui.accountId = s.identity.accountId;
  if (s.identity.accessKeyId) ui.accessKeyId = s.identity.accessKeyId;
  if (s.identity.userName) ui.userName = s.identity.userName;
  if (s.identity.invokedBy) ui.invokedBy = s.identity.invokedBy;
  if (s.identity.mfaAuthenticated) ui.sessionContext = { attributes: { mfaAuthenticated: s.identity.mfaAuthenticated, creationDate: s.time } };
  const r: CloudTrailRecord = {
    eventVersion: '1.08',
    userIdentity: ui,
    eventTime: s.time,
    eventSource: s.source ?? sourceOf[s.name] ?? 'iam.amazonaws.com',
    eventName: s.name,
    awsRegion: s.region === undefined ? 'us-east-1' : s.region,
    sourceIPAddress: s.ip ?? (s.identity.invokedBy ?? '198.51.100.10'),
    userAgent: s.ua ?? 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64',
    requestParameters: s.request === undefined ? null : s.request,
    responseElements: s.response === undefined ? null : s.response,
    requestID: `req-${counter}`,
    eventID: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    readOnly: /^(Get|List|Describe|Lookup|AssumeRole)/.test(s.name),
    eventType: s.eventType ?? (s.name === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall'),
    managementEvent: true,
    recipientAccountId: ACCOUNT,
  };
  if (s.region === null) delete r.awsRegion;
  if (s.error) {
    r.errorCode = s.error;
    r.errorMessage = `${s.error} (generated)`;
  }
  if (s.additional) r.additionalEventData = s.additional;
  return r;
}

/** A console sign-in; `mfa` as CloudTrail writes it ("Yes"/"No", or upper case as some writers do). */
export function signIn(time: string, who: Identity, opts: { ok?: boolean; mfa?: string; ip?: string } = {}): CloudTrailRecord {
  const ok = opts.ok !== false;
  const r = event({
    time,
    name: 'ConsoleLogin',
    identity: who,
    ip: opts.ip ?? '198.51.100.10',
    ua: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0',
    response: { ConsoleLogin: ok ? 'Success' : 'Failure' },
    additional: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: opts.mfa ?? 'Yes' },
  });
  // A failed sign-in has no errorCode: CloudTrail says so in responseElements and errorMessage.
  if (!ok) r.errorMessage = 'Failed authentication';
  return r;
}

export function runInstances(time: string, who: Identity, region: string, type: string, opts: { ip?: string; ua?: string; error?: string } = {}): CloudTrailRecord {
  return event({
    time,
    name: 'RunInstances',
    identity: who,
    region,
    request: { instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1 }] }, instanceType: type },
    ...(opts.ip ? { ip: opts.ip } : {}),
    ...(opts.ua ? { ua: opts.ua } : {}),
    ...(opts.error ? { error: opts.error } : {}),
  });
}

/** An ISO time `minutes` after `start`. */
export const at = (start: string, minutes: number): string => new Date(Date.parse(start) + minutes * 60_000).toISOString().replace('.000Z', 'Z');

/** Writes records as CloudTrail delivers them: {"Records":[...]} gzipped. */
export function writeDelivery(path: string, records: CloudTrailRecord[], gzip = true): void {
  mkdirSync(dirname(path), { recursive: true });
  const body = JSON.stringify({ Records: records });
  writeFileSync(path, gzip ? gzipSync(body) : body);
}

export const toJsonLines = (records: CloudTrailRecord[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
