import { byIdentity, succeeded, regionKnown } from './sql.js';
import type { Detection } from './types.js';

/** Regions with launches within one hour that make a spree. */
export const SPREE_REGIONS = 3;

export const launchesAcrossRegions: Detection = {
  id: 'launches-across-regions',
  severity: 'critical',
  title: `Instances launched in ${SPREE_REGIONS} or more regions within an hour`,
  meaning: 'One account started instances in several regions within the same hour. People rarely work like that; scripts using stolen keys do, to get around per-region limits.',
  action: 'Deactivate the access key that launched them, terminate the instances in every region listed, and open a case with AWS support about the charges.',
  sql: `SELECT a.event_id, 'launches in ' || CAST(count(DISTINCT b.aws_region) AS varchar) || ' regions within the hour up to this one' AS evidence
FROM events a
JOIN events b
  ON b.recipient_account_id = a.recipient_account_id
  AND b.event_time BETWEEN a.event_time - INTERVAL '1' HOUR AND a.event_time
WHERE a.event_name = 'RunInstances' AND b.event_name = 'RunInstances' AND ${regionKnown('a.')} AND ${regionKnown('b.')}
  AND ${byIdentity('a.')} AND ${succeeded('a.')} AND ${byIdentity('b.')} AND ${succeeded('b.')}
GROUP BY a.event_id
HAVING count(DISTINCT b.aws_region) >= ${SPREE_REGIONS}`,
};
