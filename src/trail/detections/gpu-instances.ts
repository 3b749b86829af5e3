import { byIdentity, succeeded } from './sql.js';
import type { Detection } from './types.js';

/** Families with GPUs or ML accelerators: what crypto-miners launch (p3, g4dn, inf2, trn1, dl1...). */
export const ACCELERATED = `(lower(instance_type) LIKE 'p%' OR lower(instance_type) LIKE 'g%' OR lower(instance_type) LIKE 'inf%'
    OR lower(instance_type) LIKE 'trn%' OR lower(instance_type) LIKE 'dl%')`;

export const gpuInstances: Detection = {
  id: 'gpu-instances',
  severity: 'high',
  title: 'GPU or accelerator instances launched',
  meaning: 'Instances of GPU or ML-accelerator families were started. They cost dollars an hour each and are what crypto-miners launch with stolen keys.',
  action: 'If nobody here runs such instances: terminate them in every region, deactivate the key that launched them, and check the bill.',
  sql: `SELECT event_id, instance_type || ' launched in ' || coalesce(aws_region, '?') || ' by ' || actor AS evidence
FROM events
WHERE event_name = 'RunInstances' AND ${ACCELERATED} AND ${byIdentity()} AND ${succeeded()}`,
};
