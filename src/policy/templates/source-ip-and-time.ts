// Seed 003's "Conditional Access": the actions only from the given networks and only inside a time window.
import { actions, cidrs, isoTime, TemplateError, text } from './params.js';
import { VERSION, type PolicyTemplate } from './template.js';

export const sourceIpAndTime: PolicyTemplate = {
  name: 'source-ip-and-time',
  description: 'allow the actions only from the given networks and between two times',
  params: [
    actions('actions', 'actions to allow, comma-separated'),
    text('resource', 'resource ARN (wildcards allowed)', /^(\*|arn:[^\s]+)$/, 'an ARN or *', '*'),
    cidrs(),
    isoTime('start', 'allowed from (ISO 8601, exclusive)'),
    isoTime('end', 'allowed until (ISO 8601, exclusive)'),
  ],
  render(v) {
    const start = v.start as string;
    const end = v.end as string;
    if (Date.parse(start) >= Date.parse(end)) throw new TemplateError(`--param start (${start}) must be before --param end (${end})`);
    return {
      policy: {
        Version: VERSION,
        Statement: [
          {
            Sid: 'FromTheseNetworksInThisWindow',
            Effect: 'Allow',
            Action: v.actions as string[],
            Resource: v.resource as string,
            Condition: {
              IpAddress: { 'aws:SourceIp': v.cidrs as string[] },
              DateGreaterThan: { 'aws:CurrentTime': start },
              DateLessThan: { 'aws:CurrentTime': end },
            },
          },
        ],
      },
    };
  },
};
