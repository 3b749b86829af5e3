import { z } from 'zod';

export const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO-8601 date' });
/** A policy document (IAM policy, bucket policy, key policy...), parsed JSON kept as data; the policy layer interprets it. */
export const policyDocument = z.unknown();
/** An S3 public access block (bucket or account level): the four settings, each on or off. */
export const publicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});

export type PublicAccessBlock = z.infer<typeof publicAccessBlockSchema>;
