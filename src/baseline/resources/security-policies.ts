// The resource policies and role documents the logging, monitoring and Config steps write, as AWS documents them.
// Every statement has a Sid of rampart's, so a later run finds its own statements and leaves the others alone.
// Service principals are pinned with aws:SourceArn / aws:SourceAccount where the service sends them (the confused
// deputy protection AWS recommends), which also keeps the bucket policies non-public for S3 and for the audit.
import type { Statement } from './security-common.js';

export const trailArnOf = (partition: string, region: string, account: string, name: string): string => `arn:${partition}:cloudtrail:${region}:${account}:trail/${name}`;

/**
 * The trail bucket (CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail"): CloudTrail checks the ACL, then
 * writes under AWSLogs/<account>/ with the bucket owner in full control; only for the trail named in aws:SourceArn.
 * Plus: nobody reads or writes over plain HTTP.
 */
export function cloudTrailBucketStatements(partition: string, bucket: string, account: string, trailArn: string): Statement[] {
  const arn = `arn:${partition}:s3:::${bucket}`;
  return [
    {
      Sid: 'AWSCloudTrailAclCheck20150319',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: arn,
      Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
    },
    {
      Sid: 'AWSCloudTrailWrite20150319',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${arn}/AWSLogs/${account}/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
    },
    denyInsecureTransport(arn),
  ];
}

/** Requests over plain HTTP are refused (the S3 security best practice; the trail's readers use HTTPS anyway). */
export function denyInsecureTransport(bucketArn: string): Statement {
  return {
    Sid: 'RampartDenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/**
 * The access-log bucket (S3 User Guide, "Permissions for log delivery"): the logging service writes the logs of
 * `source` under `<source>/`, for this account's bucket only. A bucket policy, not an ACL grant: new buckets have
 * ACLs disabled (bucket owner enforced).
 */
export function accessLogBucketStatements(partition: string, logBucket: string, source: string, account: string): Statement[] {
  const arn = `arn:${partition}:s3:::${logBucket}`;
  return [
    {
      Sid: `S3ServerAccessLogs-${source}`.slice(0, 100),
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${arn}/${source}/*`,
      Condition: { ArnLike: { 'aws:SourceArn': `arn:${partition}:s3:::${source}` }, StringEquals: { 'aws:SourceAccount': account } },
    },
    denyInsecureTransport(arn),
  ];
}

/**
 * The trail's KMS key (CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail"): the account keeps full
 * control through IAM (without it nobody could change the key again), CloudTrail may generate data keys for this
 * trail with its encryption context, and principals of the account may decrypt the log files.
 */
export function cloudTrailKeyStatements(partition: string, account: string, trailArn: string): Statement[] {
  const trails = `arn:${partition}:cloudtrail:*:${account}:trail/*`;
  return [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
    {
      Sid: 'Allow CloudTrail to encrypt logs',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': trailArn }, StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trails } },
    },
    {
      Sid: 'Allow CloudTrail to describe key',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:DescribeKey',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
    },
    {
      Sid: 'Allow principals in the account to decrypt log files',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': account }, StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trails } },
    },
  ];
}

/**
 * The role CloudTrail assumes to deliver to CloudWatch Logs, trusted by CloudTrail as the console's role is. What it
 * may do is limited to this account's CloudTrail streams of one log group (below).
 */
export function cloudTrailLogsTrust(): { Version: string; Statement: Statement[] } {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'CloudTrailAssumeRole', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
}

/** What that role may do (CloudTrail User Guide, "Sending events to CloudWatch Logs"): create its streams and put events, in one group. */
export function cloudTrailLogsPolicy(partition: string, region: string, account: string, logGroup: string): { Version: string; Statement: Statement[] } {
  const streams = `arn:${partition}:logs:${region}:${account}:log-group:${logGroup}:log-stream:${account}_CloudTrail_${region}*`;
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AWSCloudTrailCreateLogStream2014110', Effect: 'Allow', Action: ['logs:CreateLogStream'], Resource: [streams] },
      { Sid: 'AWSCloudTrailPutLogEvents20141101', Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [streams] },
    ],
  };
}

/**
 * The AWS Config bucket (Config Developer Guide, "Permissions for the Amazon S3 bucket"): Config checks the ACL and
 * the bucket, then writes under AWSLogs/<account>/Config/, for this account only.
 */
export function configBucketStatements(partition: string, bucket: string, account: string): Statement[] {
  const arn = `arn:${partition}:s3:::${bucket}`;
  const source = { 'AWS:SourceAccount': account };
  return [
    { Sid: 'AWSConfigBucketPermissionsCheck', Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: arn, Condition: { StringEquals: source } },
    { Sid: 'AWSConfigBucketExistenceCheck', Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 's3:ListBucket', Resource: arn, Condition: { StringEquals: source } },
    {
      Sid: 'AWSConfigBucketDelivery',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${arn}/AWSLogs/${account}/Config/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...source } },
    },
    denyInsecureTransport(arn),
  ];
}

/** The security topic: EventBridge may publish the root sign-in rule's events to it (that rule only). */
export function topicEventsStatement(topicArn: string, ruleArn: string): Statement {
  return {
    Sid: 'RampartEventBridgePublish',
    Effect: 'Allow',
    Principal: { Service: 'events.amazonaws.com' },
    Action: 'sns:Publish',
    Resource: topicArn,
    Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
  };
}
