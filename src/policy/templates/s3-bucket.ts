// Seed 002: credentials locked to one bucket, so a leaked key costs one bucket and not the account.
import { bucket, partition } from './params.js';
import { VERSION, type PolicyTemplate } from './template.js';

export const s3Bucket: PolicyTemplate = {
  name: 's3-bucket',
  description: 'read, write and delete objects in one bucket, and list it; nothing else',
  params: [bucket('the one bucket'), partition()],
  render(v) {
    const arn = `arn:${v.partition as string}:s3:::${v.bucket as string}`;
    return {
      policy: {
        Version: VERSION,
        Statement: [
          { Sid: 'ObjectsInTheBucket', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `${arn}/*` },
          { Sid: 'ListTheBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: arn },
        ],
      },
    };
  },
};
