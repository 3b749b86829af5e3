// The scenario's STS behaviour (key `sts`): the one-time code every MFA device accepts, and how long a newly
// created access key is refused before it works (AWS: seconds of eventual consistency).
import { z } from 'zod';

export const stsScenarioFields = {
  sts: z
    .strictObject({
      /** The code that passes MFA for every device; any other is AccessDenied, as a wrong code is. */
      mfaCode: z.string().regex(/^\d{6}$/).default('123456'),
      /** A key made by CreateAccessKey is InvalidClientTokenId to STS for its first `calls` calls and `seconds` seconds. */
      newKeyDelay: z.strictObject({ calls: z.number().int().min(0).default(0), seconds: z.number().min(0).default(0) }).default({ calls: 0, seconds: 0 }),
    })
    .default({ mfaCode: '123456', newKeyDelay: { calls: 0, seconds: 0 } }),
};
