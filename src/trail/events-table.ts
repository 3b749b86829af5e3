// The one `events` table the detections read, defined once for both engines: DuckDB fills it from raw records
// (a STRUCT `r` declared field by field, never inferred: inference over CloudTrail is slow and turns
// requestParameters into a MAP that silently breaks field access), Athena exposes it as a VIEW over the
// CloudTrail table. Both expressions of a column must mean the same thing (test/trail/athena.test.ts checks both engines
// have every column; what each means is up to review).

export interface EventColumn {
  readonly name: string;
  readonly type: 'VARCHAR' | 'TIMESTAMP' | 'BOOLEAN';
  /** Over `r` (the record STRUCT below) and `rq` (see REQUEST_PATHS). */
  readonly duckdb: string;
  /** Over the columns of Athena's CloudTrail table (lower-case names, JSON documents as strings). */
  readonly athena: string;
}

/**
 * The fields of a CloudTrail record the engine reads; everything else in a record is never parsed. Each column costs
 * 16 bytes a row in memory (2 million events: 32 MB) and time to load, so only what a detection, the timeline or
 * the report reads is here.
 */
export const RECORD_STRUCT = `STRUCT(
  eventID VARCHAR, eventTime VARCHAR, eventSource VARCHAR, eventName VARCHAR, awsRegion VARCHAR,
  sourceIPAddress VARCHAR, userAgent VARCHAR, errorCode VARCHAR, eventType VARCHAR,
  readOnly VARCHAR, recipientAccountId VARCHAR,
  userIdentity STRUCT(type VARCHAR, arn VARCHAR, accessKeyId VARCHAR, userName VARCHAR, invokedBy VARCHAR),
  requestParameters JSON, responseElements JSON, additionalEventData JSON,
  rampart_file INTEGER)`;

const str = (duckdb: string, athena: string, name: string): EventColumn => ({ name, type: 'VARCHAR', duckdb, athena });
const json = (doc: 'requestParameters' | 'responseElements' | 'additionalEventData', path: string) => ({
  duckdb: `json_extract_string(r.${doc}, '${path}')`,
  athena: `json_extract_scalar(${doc.toLowerCase()}, '${path}')`,
});

/** A call that changes something; the read-only bulk (Describe*, Get*, List*, AssumeRole) is most of a trail. */
const WRITE = { duckdb: `coalesce(r.readOnly, '') <> 'true'`, athena: `coalesce(readonly, '') <> 'true'` };

/**
 * The requestParameters fields the columns read, extracted in one parse of the document as the list `rq` (one
 * json_extract_string per field parses the document once each), and only for calls that change something: every
 * call these fields describe does (RunInstances, Attach*Policy, CreateUser, CreateAccessKey...).
 */
const REQUEST_PATHS = ['$.instanceType', '$.instancesSet.items[0].instanceType', '$.policyArn', '$.userName'] as const;
const request = (path: (typeof REQUEST_PATHS)[number]) => ({
  duckdb: `rq[${REQUEST_PATHS.indexOf(path) + 1}]`,
  athena: `CASE WHEN ${WRITE.athena} THEN ${json('requestParameters', path).athena} END`,
});

export const EVENT_COLUMNS: readonly EventColumn[] = [
  str('r.eventID', 'eventid', 'event_id'),
  {
    name: 'event_time',
    type: 'TIMESTAMP',
    // CloudTrail writes UTC with a Z; the zone-aware cast (three times slower) is only for anything else.
    duckdb: `CASE WHEN r.eventTime LIKE '%Z' THEN TRY_CAST(r.eventTime AS TIMESTAMP) ELSE CAST(TRY_CAST(r.eventTime AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS TIMESTAMP) END`,
    athena: `CAST(from_iso8601_timestamp(eventtime) AT TIME ZONE 'UTC' AS timestamp)`,
  },
  str('r.eventSource', 'eventsource', 'event_source'),
  str('r.eventName', 'eventname', 'event_name'),
  str('r.awsRegion', 'awsregion', 'aws_region'),
  str('r.sourceIPAddress', 'sourceipaddress', 'source_ip'),
  str('r.userAgent', 'useragent', 'user_agent'),
  str('r.errorCode', 'errorcode', 'error_code'),
  str('r.eventType', 'eventtype', 'event_type'),
  str('r.recipientAccountId', 'recipientaccountid', 'recipient_account_id'),
  str('r.userIdentity.type', 'useridentity.type', 'identity_type'),
  str('r.userIdentity.accessKeyId', 'useridentity.accesskeyid', 'access_key_id'),
  str('r.userIdentity.userName', 'useridentity.username', 'user_name'),
  str('r.userIdentity.invokedBy', 'useridentity.invokedby', 'invoked_by'),
  // Who acted, as one string to group by: a role session's issuer would merge sessions, so the session ARN is kept.
  // It is the identity's ARN whenever there is one, so no column repeats the ARN.
  str(
    `coalesce(r.userIdentity.arn, r.userIdentity.invokedBy, r.userIdentity.type)`,
    `coalesce(useridentity.arn, useridentity.invokedby, useridentity.type)`,
    'actor',
  ),
  { name: 'console_login', type: 'VARCHAR', ...json('responseElements', '$.ConsoleLogin') },
  {
    // Sign-in events say "Yes"/"No"; some writers upper-case it.
    name: 'mfa_used',
    type: 'BOOLEAN',
    duckdb: `upper(${json('additionalEventData', '$.MFAUsed').duckdb}) = 'YES'`,
    athena: `upper(${json('additionalEventData', '$.MFAUsed').athena}) = 'YES'`,
  },
  {
    name: 'instance_type',
    type: 'VARCHAR',
    duckdb: `coalesce(${request('$.instanceType').duckdb}, ${request('$.instancesSet.items[0].instanceType').duckdb})`,
    athena: `coalesce(${request('$.instanceType').athena}, ${request('$.instancesSet.items[0].instanceType').athena})`,
  },
  { name: 'policy_arn', type: 'VARCHAR', ...request('$.policyArn') },
  { name: 'target_user', type: 'VARCHAR', ...request('$.userName') },
  // Kept for calls that change something (the detections read them, the timeline shows them); the read-only bulk
  // (Describe*, Get*, List*, AssumeRole with its session credentials) is most of a trail and never needed.
  str(`CASE WHEN ${WRITE.duckdb} THEN CAST(r.requestParameters AS VARCHAR) END`, `CASE WHEN ${WRITE.athena} THEN requestparameters END`, 'request_parameters'),
  str(`CASE WHEN ${WRITE.duckdb} THEN CAST(r.responseElements AS VARCHAR) END`, `CASE WHEN ${WRITE.athena} THEN responseelements END`, 'response_elements'),
];

/**
 * Where an event was read, as each engine can say it: DuckDB keeps the number of its file (TrailEngine.origins
 * names it; a path a row cost 270 MB at 2 million events and made the table spill), Athena the object's path.
 */
export const ORIGIN = { duckdb: 'file_id INTEGER', athena: `"$path" AS origin` } as const;

export const EVENTS_TABLE_DDL = `CREATE TABLE events (${EVENT_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')}, ${ORIGIN.duckdb})`;

/** The SELECT that turns rows of `r` (a record) and `file_id` into events rows, in EVENTS_TABLE_DDL order. */
export const duckdbSelect = (from: string): string =>
  `SELECT ${EVENT_COLUMNS.map((c) => `${c.duckdb} AS ${c.name}`).join(',\n  ')}, coalesce(r.rampart_file, file_id) AS file_id
FROM (SELECT r, file_id, CASE WHEN ${WRITE.duckdb} THEN json_extract_string(r.requestParameters, [${REQUEST_PATHS.map((p) => `'${p}'`).join(', ')}]) END AS rq FROM ${from})`;
