// Every detection `rampart trail hunt` runs and `rampart trail athena` prints, in report order.
import { accessDeniedBurst } from './access-denied-burst.js';
import { accessKeyCreated } from './access-key-created.js';
import { bucketMadePublic } from './bucket-made-public.js';
import { cloudtrailTampered } from './cloudtrail-tampered.js';
import { failedSensitiveCall } from './failed-sensitive-call.js';
import { failedSignInBurst } from './failed-sign-in-burst.js';
import { gpuInstances } from './gpu-instances.js';
import { iamByUnusualIdentity } from './iam-by-unusual-identity.js';
import { keyNewIp } from './key-new-ip.js';
import { keyNewUserAgent } from './key-new-user-agent.js';
import { launchInUnusedRegion } from './launch-in-unused-region.js';
import { launchesAcrossRegions } from './launches-across-regions.js';
import { leakedKeyCheck } from './leaked-key-check.js';
import { leaveOrganization } from './leave-organization.js';
import { monitoringDisabled } from './monitoring-disabled.js';
import { rootAccessKeyCreated } from './root-access-key-created.js';
import { rootApiUse } from './root-api-use.js';
import { rootSignIn } from './root-sign-in.js';
import { signInWithoutMfa } from './sign-in-without-mfa.js';
import { unusualHour } from './unusual-hour.js';
import type { Detection } from './types.js';

export type { Detection } from './types.js';

export const DETECTIONS: readonly Detection[] = [
  rootSignIn,
  rootApiUse,
  rootAccessKeyCreated,
  signInWithoutMfa,
  failedSignInBurst,
  accessKeyCreated,
  iamByUnusualIdentity,
  cloudtrailTampered,
  monitoringDisabled,
  bucketMadePublic,
  gpuInstances,
  launchInUnusedRegion,
  launchesAcrossRegions,
  unusualHour,
  accessDeniedBurst,
  keyNewIp,
  keyNewUserAgent,
  leakedKeyCheck,
  leaveOrganization,
  failedSensitiveCall,
];
