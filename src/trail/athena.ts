// `rampart trail athena`: what an organization whose logs outgrow one machine runs on Athena: a table over the trail's
// bucket with partition projection (account, region, day: no MSCK REPAIR, no crawler), the `events` view with the
// DuckDB table's columns, and every detection as a query over that view.
import { ALWAYS_ENABLED_REGIONS } from '../inventory/regions.js';
import { InputError } from '../util/errors.js';
import { DETECTIONS } from './detections/index.js';
import { toAthena } from './dialect.js';
import { EVENT_COLUMNS, ORIGIN } from './events-table.js';

export interface AthenaOptions {
  bucket: string;
  prefix?: string;
  account: readonly string[];
  regions: readonly string[];
  database: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const NAME = /^[a-z_][a-z0-9_]*$/;

export function athenaScript(o: AthenaOptions): string {
  if (!BUCKET.test(o.bucket)) throw new InputError(`--bucket expects an S3 bucket name, got "${o.bucket}"`);
  if (!NAME.test(o.database)) throw new InputError(`--database expects a Glue database name (lower-case letters, digits, _), got "${o.database}"`);
  for (const a of o.account) if (!/^\d{12}$/.test(a)) throw new InputError(`--account expects 12-digit account ids, got "${a}"`);
  for (const r of o.regions) if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r)) throw new InputError(`--regions expects region names like us-east-1, got "${r}"`);
  const prefix = (o.prefix ?? '').replace(/^\/+|\/+$/g, '');
  const base = `s3://${o.bucket}/${prefix ? `${prefix}/` : ''}AWSLogs`;
  const regions = o.regions.length > 0 ? o.regions : ALWAYS_ENABLED_REGIONS;
  const db = o.database;
  // Partition projection enumerates the account folders; without them no query would find a single file.
  if (o.account.length === 0) throw new InputError('--account is required: the account id(s) whose logs are in the bucket (AWSLogs/<account>/...)');
  const accountProjection = [`'projection.account.type' = 'enum'`, `'projection.account.values' = '${o.account.join(',')}'`];
  const out: string[] = [];
  out.push(
    `-- rampart trail athena: the CloudTrail table, the events view and ${DETECTIONS.length} detections for s3://${o.bucket}/${prefix}`,
    `-- Run each statement in the Athena console (engine version 3) or with aws athena start-query-execution.`,
    '',
    `CREATE EXTERNAL TABLE IF NOT EXISTS ${db}.cloudtrail_logs (`,
    `  eventversion STRING,`,
    `  useridentity STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, invokedby: STRING,`,
    `    accesskeyid: STRING, username: STRING,`,
    `    sessioncontext: STRUCT<attributes: STRUCT<mfaauthenticated: STRING, creationdate: STRING>,`,
    `      sessionissuer: STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, username: STRING>>>,`,
    `  eventtime STRING, eventsource STRING, eventname STRING, awsregion STRING, sourceipaddress STRING,`,
    `  useragent STRING, errorcode STRING, errormessage STRING, requestparameters STRING, responseelements STRING,`,
    `  additionaleventdata STRING, requestid STRING, eventid STRING, readonly STRING, eventtype STRING,`,
    `  apiversion STRING, recipientaccountid STRING, sharedeventid STRING, vpcendpointid STRING`,
    `)`,
    `PARTITIONED BY (account STRING, region STRING, day STRING)`,
    `ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'`,
    `STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'`,
    `OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'`,
    `LOCATION '${base}/'`,
    `TBLPROPERTIES (`,
    `  'projection.enabled' = 'true',`,
    ...accountProjection.map((p) => `  ${p},`),
    `  'projection.region.type' = 'enum',`,
    `  'projection.region.values' = '${regions.join(',')}',`,
    `  'projection.day.type' = 'date',`,
    `  'projection.day.format' = 'yyyy/MM/dd',`,
    `  'projection.day.range' = '2013/11/01,NOW',`,
    `  'projection.day.interval' = '1',`,
    `  'projection.day.interval.unit' = 'DAYS',`,
    `  'storage.location.template' = '${base}/\${account}/CloudTrail/\${region}/\${day}'`,
    `);`,
    '',
    `-- The same columns as rampart's DuckDB events table; add "WHERE day >= '2026/11/01'" here to bound the scan.`,
    `CREATE OR REPLACE VIEW ${db}.events AS`,
    `SELECT`,
    [...EVENT_COLUMNS.map((c) => `  ${c.athena} AS ${c.name}`), `  ${ORIGIN.athena}`].join(',\n'),
    `FROM ${db}.cloudtrail_logs;`,
  );
  for (const d of DETECTIONS) {
    out.push('', `-- ${d.id} (${d.severity}): ${d.title}`, `-- ${d.meaning}`, `-- What to do: ${d.action}`, `${toAthena(d.sql)};`);
  }
  return `${out.join('\n')}\n`;
}
