import { direct, succeeded } from './sql.js';
import type { Detection } from './types.js';

const PERSISTENCE = `(e.event_name IN ('CreateUser', 'CreateLoginProfile', 'UpdateLoginProfile')
    OR (e.event_name IN ('AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy')
        AND (e.policy_arn LIKE '%:policy/AdministratorAccess' OR e.policy_arn LIKE '%:policy/IAMFullAccess' OR e.policy_arn LIKE '%:policy/PowerUserAccess')))`;

export const iamByUnusualIdentity: Detection = {
  id: 'iam-by-unusual-identity',
  severity: 'high',
  title: 'Users, passwords or admin rights created by an identity that rarely does IAM work',
  meaning: 'An identity that has done IAM work on at most one day in these logs created a user, a console password or attached an admin policy: the classic way to keep access after a key leaks.',
  action: 'Check with the identity\'s owner; if unexpected, delete the new user, login profile or attachment and rotate this identity\'s keys.',
  sql: `SELECT e.event_id, e.actor || ' did ' || e.event_name || coalesce(' on ' || e.target_user, '') || coalesce(' (' || e.policy_arn || ')', '') || '; IAM work by it on ' || CAST(h.iam_days AS varchar) || ' day(s) only' AS evidence
FROM events e
JOIN (
  SELECT actor, count(DISTINCT CAST(event_time AS date)) AS iam_days
  FROM events WHERE event_source = 'iam.amazonaws.com' AND ${direct()}
  GROUP BY actor
) h ON h.actor = e.actor
WHERE e.event_source = 'iam.amazonaws.com' AND ${PERSISTENCE} AND h.iam_days <= 1
  AND ${direct('e.')} AND ${succeeded('e.')}`,
};
