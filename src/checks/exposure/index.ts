import type { Check } from '../types.js';
import { accessAnalyzer } from './access-analyzer.js';
import { guarddutyEnabled } from './guardduty-enabled.js';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block.js';
import { securityhubEnabled } from './securityhub-enabled.js';

/** In the order of CHECKS.md. */
export const exposureChecks: Check[] = [s3AccountPublicAccessBlock, accessAnalyzer, guarddutyEnabled, securityhubEnabled];
