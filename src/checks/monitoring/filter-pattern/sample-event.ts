// Realistic CloudTrail records to try filter patterns on: the fields and shapes CloudTrail writes (eventVersion 1.08),
// with the identities that matter to the CIS filters (an IAM user, root, a service acting for root).
// Deterministic: the same call always builds the same record, so test failures are reproducible. No accessKeyId:
// nothing here should look like a credential to rampart's own secret scanner.

export type CloudTrailEvent = Readonly<Record<string, unknown>>;

export const SAMPLE_ACCOUNT = '123456789012';

export const IAM_USER = {
  type: 'IAMUser',
  principalId: 'AIDAEXAMPLEALICE00001',
  arn: `arn:aws:iam::${SAMPLE_ACCOUNT}:user/alice`,
  accountId: SAMPLE_ACCOUNT,
  userName: 'alice',
} as const;

export const ROOT = {
  type: 'Root',
  principalId: SAMPLE_ACCOUNT,
  arn: `arn:aws:iam::${SAMPLE_ACCOUNT}:root`,
  accountId: SAMPLE_ACCOUNT,
} as const;

const CLI_AGENT = 'aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.9 cmd/iam';
const BROWSER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

export interface EventOptions {
  identity?: Readonly<Record<string, unknown>>;
  region?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  requestParameters?: Readonly<Record<string, unknown>> | null;
  responseElements?: Readonly<Record<string, unknown>> | null;
  additionalEventData?: Readonly<Record<string, unknown>>;
  errorCode?: string;
  errorMessage?: string;
  eventType?: 'AwsApiCall' | 'AwsConsoleSignIn' | 'AwsServiceEvent';
}

/** A management event as CloudTrail records it; an IAM user calling from the CLI unless told otherwise. */
export function cloudTrailEvent(eventSource: string, eventName: string, options: EventOptions = {}): CloudTrailEvent {
  const signIn = eventSource === 'signin.amazonaws.com';
  const seed = `${eventSource}/${eventName}/${JSON.stringify(options)}`;
  const record: Record<string, unknown> = {
    eventVersion: '1.08',
    userIdentity: options.identity ?? IAM_USER,
    eventTime: '2026-06-15T10:00:00Z',
    eventSource,
    eventName,
    awsRegion: options.region ?? 'us-east-1',
    sourceIPAddress: options.sourceIPAddress ?? '203.0.113.10',
    userAgent: options.userAgent ?? (signIn ? BROWSER_AGENT : CLI_AGENT),
  };
  if (options.errorCode !== undefined) record.errorCode = options.errorCode;
  if (options.errorMessage !== undefined) record.errorMessage = options.errorMessage;
  record.requestParameters = options.requestParameters === undefined ? null : options.requestParameters;
  record.responseElements = options.responseElements === undefined ? null : options.responseElements;
  if (options.additionalEventData) record.additionalEventData = options.additionalEventData;
  if (!signIn) record.requestID = uuid(`${seed}#request`);
  record.eventID = uuid(seed);
  record.readOnly = /^(Get|List|Describe|Head|Lookup)/.test(eventName);
  record.eventType = options.eventType ?? (signIn && eventName === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall');
  record.managementEvent = true;
  record.recipientAccountId = SAMPLE_ACCOUNT;
  record.eventCategory = 'Management';
  return record;
}

/** A ConsoleLogin record: success or "Failed authentication", with or without MFA. */
export function consoleLogin(options: {
  identity: Readonly<Record<string, unknown>>;
  mfaUsed: 'Yes' | 'No';
  success: boolean;
}): CloudTrailEvent {
  return cloudTrailEvent('signin.amazonaws.com', 'ConsoleLogin', {
    identity: options.identity,
    responseElements: { ConsoleLogin: options.success ? 'Success' : 'Failure' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
      MobileVersion: 'No',
      MFAUsed: options.mfaUsed,
    },
    ...(options.success ? {} : { errorMessage: 'Failed authentication' }),
  });
}

/** A UUID-shaped id derived from `seed` (FNV-1a), so records are stable across runs. */
function uuid(seed: string): string {
  const hex = [0, 1, 2, 3].map((salt) => fnv1a(`${salt}:${seed}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
