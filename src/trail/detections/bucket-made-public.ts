import { byIdentity, succeeded } from './sql.js';
import type { Detection } from './types.js';

// CloudTrail writes request documents without spaces; these are the shapes of "everyone" in a policy or an ACL.
const PUBLIC_POLICY = `(request_parameters LIKE '%"Principal":"*"%' OR request_parameters LIKE '%"AWS":"*"%' OR request_parameters LIKE '%"AWS":["*"%')`;
const PUBLIC_ACL = `(request_parameters LIKE '%acs.amazonaws.com/groups/global/AllUsers%' OR request_parameters LIKE '%acs.amazonaws.com/groups/global/AuthenticatedUsers%'
    OR request_parameters LIKE '%"x-amz-acl":["public-read%' OR request_parameters LIKE '%"x-amz-acl":"public-read%' OR request_parameters LIKE '%"x-amz-acl":["authenticated-read%')`;

export const bucketMadePublic: Detection = {
  id: 'bucket-made-public',
  severity: 'high',
  title: 'A bucket policy or ACL made public, or its public access block removed',
  meaning: 'A bucket now lets anyone (or any AWS account) in, or lost the block that prevents it. Data in it may be readable by the internet.',
  action: 'Check the bucket\'s policy and ACL now; restore Block Public Access (rampart apply) unless the bucket must be public.',
  sql: `SELECT event_id, actor || ' called ' || event_name || coalesce(' on ' || json_bucket, '') AS evidence
FROM (SELECT *, CASE WHEN strpos(request_parameters, '"bucketName":"') > 0
    THEN split_part(substr(request_parameters, strpos(request_parameters, '"bucketName":"') + 14), '"', 1) END AS json_bucket FROM events) e
WHERE event_source = 's3.amazonaws.com'
  AND ((event_name = 'PutBucketPolicy' AND ${PUBLIC_POLICY})
    OR (event_name IN ('PutBucketAcl', 'CreateBucket', 'PutObjectAcl') AND ${PUBLIC_ACL})
    OR event_name = 'DeleteBucketPublicAccessBlock')
  AND ${byIdentity()} AND ${succeeded()}`,
};
