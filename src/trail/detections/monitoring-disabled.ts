import { byIdentity, succeeded } from './sql.js';
import type { Detection } from './types.js';

export const monitoringDisabled: Detection = {
  id: 'monitoring-disabled',
  severity: 'high',
  title: 'GuardDuty or AWS Config stopped or deleted',
  meaning: 'A threat detector or the configuration recorder was turned off: the account is now less watched.',
  action: 'Turn them back on (rampart apply) and review what happened while they were off.',
  sql: `SELECT event_id, actor || ' called ' || event_name || ' in ' || coalesce(aws_region, '?') AS evidence
FROM events
WHERE ((event_source = 'guardduty.amazonaws.com'
        AND (event_name IN ('DeleteDetector', 'DisassociateFromMasterAccount', 'DisassociateFromAdministratorAccount')
             OR (event_name = 'UpdateDetector' AND request_parameters LIKE '%"enable":false%')))
    OR (event_source = 'config.amazonaws.com'
        AND event_name IN ('StopConfigurationRecorder', 'DeleteConfigurationRecorder', 'DeleteDeliveryChannel')))
  AND ${byIdentity()} AND ${succeeded()}`,
};
