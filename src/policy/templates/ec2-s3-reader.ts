// Seed 003's instance role: EC2 may assume it (trust policy), and it may list one bucket and read its objects.
import { bucket, partition, text } from './params.js';
import { VERSION, type PolicyTemplate } from './template.js';

export const ec2S3Reader: PolicyTemplate = {
  name: 'ec2-s3-reader',
  description: 'an EC2 instance role: trust policy for ec2.amazonaws.com and read access to one bucket',
  params: [
    bucket('the bucket the instances read'),
    text('prefix', 'only objects under this key prefix (empty: the whole bucket)', /^([A-Za-z0-9!_.'()/-]*)$/, 'a key prefix without wildcards', ''),
    partition(),
  ],
  render(v) {
    const arn = `arn:${v.partition as string}:s3:::${v.bucket as string}`;
    const prefix = (v.prefix as string).replace(/^\/+/, '');
    return {
      trust: {
        Version: VERSION,
        Statement: [{ Sid: 'Ec2AssumesTheRole', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      permissions: {
        Version: VERSION,
        Statement: [
          {
            Sid: 'ListTheBucket',
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: arn,
            ...(prefix !== '' ? { Condition: { StringLike: { 's3:prefix': `${prefix}*` } } } : {}),
          },
          { Sid: 'ReadObjects', Effect: 'Allow', Action: 's3:GetObject', Resource: `${arn}/${prefix}*` },
        ],
      },
    };
  },
};
