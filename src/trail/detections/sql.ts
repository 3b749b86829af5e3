// Fragments the detections share, so that "a person did it" and "it succeeded" mean the same everywhere.
// Each takes the table alias ('e.') when used in a join.

/** Not AWS acting on its own (AwsServiceEvent, a service principal). */
export const byIdentity = (t = ''): string =>
  `coalesce(${t}event_type, '') <> 'AwsServiceEvent' AND coalesce(${t}identity_type, '') <> 'AWSService'`;

/** Made by the identity itself, not by a service on its behalf (CloudFormation, the console's backend). */
export const direct = (t = ''): string => `${byIdentity(t)} AND ${t}invoked_by IS NULL`;

/** A call that did what it asked; a failed one is an attempt (see failed-sensitive-call). */
export const succeeded = (t = ''): string => `${t}error_code IS NULL`;

/** Calls whose failure is still worth a look: someone tried. */
export const SENSITIVE_CALLS = [
  'StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors',
  'DeleteDetector', 'UpdateDetector', 'StopConfigurationRecorder', 'DeleteConfigurationRecorder', 'DeleteDeliveryChannel',
  'CreateUser', 'CreateLoginProfile', 'UpdateLoginProfile', 'CreateAccessKey',
  'AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy', 'PutUserPolicy',
  'PutBucketPolicy', 'PutBucketAcl', 'DeleteBucketPublicAccessBlock', 'LeaveOrganization', 'RunInstances',
];

export const inList = (names: readonly string[]): string => `(${names.map((n) => `'${n}'`).join(', ')})`;

/** A real access key of a user or root (AKIA...); session keys (ASIA...) are new every session. */
export const longTermKey = (t = ''): string => `${t}access_key_id LIKE 'AKIA%'`;

/** Source addresses that are AWS itself, not a place on the internet. */
export const fromInternet = (t = ''): string =>
  `${t}source_ip IS NOT NULL AND ${t}source_ip NOT LIKE '%amazonaws.com' AND ${t}source_ip <> 'AWS Internal'`;

/**
 * A region name as AWS spells it (us-east-1, ap-southeast-2, us-gov-west-1). Anything else (absent, anonymised,
 * "unknown") is never counted as a place the account does or does not use. DuckDB's regexp_matches is Athena's
 * regexp_like (../dialect.ts).
 */
export const regionKnown = (t = ''): string => `coalesce(regexp_matches(${t}aws_region, '^[a-z]{2}(-[a-z]+)+-[0-9]+$'), false)`;
