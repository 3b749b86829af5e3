// Seed 003's ProductionReadOnlyPolicy, corrected: the seed's "ec2:Describe" and "s3:List" name no action (the `*` was
// lost), so the team could read nothing. Read access to the services the seed lists, optionally limited to regions.
import { regions } from './params.js';
import { VERSION, type PolicyTemplate } from './template.js';

const READ = [
  'ec2:Describe*',
  's3:List*',
  's3:GetObject',
  'cloudwatch:Get*',
  'cloudwatch:List*',
  'cloudwatch:Describe*',
  'logs:Describe*',
  'logs:Get*',
  'rds:Describe*',
  'cloudformation:List*',
  'cloudformation:Describe*',
  'cloudformation:Get*',
];

export const readOnly: PolicyTemplate = {
  name: 'read-only',
  description: "read-only access for a team to production (seed 003's list, fixed)",
  params: [{ ...regions('only in these regions (comma-separated); all regions when empty', ''), parse: (t: string) => (t === '' ? [] : regions('').parse(t)) }],
  render(v) {
    const only = v.regions as string[];
    return {
      policy: {
        Version: VERSION,
        Statement: [
          {
            Sid: 'ReadOnly',
            Effect: 'Allow',
            Action: READ,
            Resource: '*',
            ...(only.length > 0 ? { Condition: { StringEquals: { 'aws:RequestedRegion': only } } } : {}),
          },
        ],
      },
    };
  },
};
