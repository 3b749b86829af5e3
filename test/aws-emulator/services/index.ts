// The service table. Adding a service: write services/NAME.ts exporting a ServiceModule, list it here.
import type { ServiceModule } from '../service.js';
import { account } from './account.js';
import { iam } from './iam.js';
import { s3control } from './s3control.js';
import { sts } from './sts.js';

export const SERVICES: readonly ServiceModule[] = [iam, sts, account, s3control];
