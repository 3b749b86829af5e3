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
  // The launches are picked once and joined with themselves (joining the whole table with itself took half again as long).
  sql: `WITH launches AS (
  SELECT event_id, recipient_account_id, event_time, aws_region FROM events
  WHERE event_name = 'RunInstances' AND ${regionKnown()} AND ${byIdentity()} AND ${succeeded()}
)
SELECT a.event_id, 'launches in ' || CAST(count(DISTINCT b.aws_region) AS varchar) || ' regions within the hour up to this one' AS evidence
FROM launches a
JOIN launches b
  ON b.recipient_account_id = a.recipient_account_id
  AND b.event_time BETWEEN a.event_time - INTERVAL '1' HOUR AND a.event_time
GROUP BY a.event_id
HAVING count(DISTINCT b.aws_region) >= ${SPREE_REGIONS}`,
};
