import type { Check } from '../types.js';
import { cloudtrailBucketAccessLogging } from './cloudtrail-bucket-access-logging.js';
import { cloudtrailBucketNotPublic } from './cloudtrail-bucket-not-public.js';
import { cloudtrailCloudwatchLogs } from './cloudtrail-cloudwatch-logs.js';
import { cloudtrailKms } from './cloudtrail-kms.js';
import { cloudtrailLogValidation } from './cloudtrail-log-validation.js';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region.js';
import { cloudtrailS3DataEvents } from './cloudtrail-s3-data-events.js';
import { configRecorder } from './config-recorder.js';
import { configRules } from './config-rules.js';
import { kmsKeyRotation } from './kms-key-rotation.js';

/** The logging checks, in the order of CHECKS.md. */
export const loggingChecks: Check[] = [
  cloudtrailMultiRegion,
  cloudtrailLogValidation,
  cloudtrailKms,
  cloudtrailCloudwatchLogs,
  cloudtrailBucketNotPublic,
  cloudtrailBucketAccessLogging,
  cloudtrailS3DataEvents,
  kmsKeyRotation,
  configRecorder,
  configRules,
];
