import { z } from 'zod';

export const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO-8601 date' });
/** A policy document (bucket policy, key policy...), parsed JSON; the policy layer interprets it. */
export const policyDocument = z.unknown();
