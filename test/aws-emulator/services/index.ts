// The service table. Adding a service: write services/NAME.ts exporting a ServiceModule, list it here.
import type { ServiceModule } from '../service.js';
import { accessanalyzer } from './accessanalyzer.js';
import { account } from './account.js';
import { bcmDataExports } from './bcm-data-exports.js';
import { budgets } from './budgets.js';
import { ce } from './ce.js';
import { cloudtrail } from './cloudtrail.js';
import { cloudwatch } from './cloudwatch.js';
import { config } from './config.js';
import { cur } from './cur.js';
import { dynamodb } from './dynamodb.js';
import { ec2 } from './ec2.js';
import { events } from './events.js';
import { guardduty } from './guardduty.js';
import { iam } from './iam.js';
import { kms } from './kms.js';
import { logs } from './logs.js';
import { organizations } from './organizations.js';
import { s3 } from './s3.js';
import { s3control } from './s3control.js';
import { securityhub } from './securityhub.js';
import { sns } from './sns.js';
import { sso } from './sso.js';
import { sts } from './sts.js';

export const SERVICES: readonly ServiceModule[] = [iam, sts, account, s3control, accessanalyzer, cloudtrail, config, guardduty, kms, organizations, s3, securityhub,
  budgets, cloudwatch, logs, sns, ec2, ce, cur, bcmDataExports, events, sso, dynamodb];
