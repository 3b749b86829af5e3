// Resource ARNs shaped as their service writes them, and grants so broad they deserve a second look.
import { closest } from '../../../util/closest.js';
import { allServices, resourceTypesOf, serviceExists } from '../../catalogue.js';
import { effectOf, elementEntries, memo } from '../elements.js';
import type { Entry, Issue, LintRule } from '../types.js';
import { arnFits } from './actions.js';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const wild = (s: string): boolean => /[*?]|\$\{/.test(s);

const arnProblem = memo((arn: string) => arnProblemOf(arn));

function arnProblemOf(arn: string): Omit<Issue, 'path'> | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const seg = arn.split(':');
  if (seg.length < 6)
    return { message: `${arn} has ${seg.length} colon-separated parts; an ARN has at least 6 (arn:partition:service:region:account:resource)`, fix: 'Write the ARN in full; empty parts stay as "::" (arn:aws:s3:::my-bucket).' };
  const [, partition, service, region, account] = seg as [string, string, string, string, string];
  if (!wild(partition) && !PARTITIONS.includes(partition)) return { message: `${arn}: "${partition}" is not an AWS partition`, fix: `Use ${closest(partition, PARTITIONS) ?? 'aws'}.` };
  if (wild(service)) return undefined;
  if (!serviceExists(service)) {
    const near = closest(service, [...allServices()]);
    return { message: `${arn}: "${service}" is not an AWS service${near ? ` (did you mean "${near}"?)` : ''}`, fix: near ? `Write arn:${partition}:${near}:...` : 'Use the service prefix of the resource.' };
  }
  const templates = resourceTypesOf(service).map((r) => r.arn);
  if (templates.length === 0) return undefined;
  if (account !== '' && !wild(account) && !/^\d{12}$/.test(account) && !(service === 'iam' && account === 'aws') && templates.some((t) => t.split(':')[4] !== ''))
    return { message: `${arn}: account id "${account}" is not 12 digits`, fix: 'Write the 12-digit account id (leading zeros included).' };
  const fits = (candidate: string) => templates.some((t) => arnFits(candidate, t) && (t.split(':')[3] !== '' || candidate.split(':')[3] === '') && (t.split(':')[4] !== '' || candidate.split(':')[4] === ''));
  if (fits(arn)) return undefined;
  const rest = seg.slice(5).join(':');
  if (region !== '' && fits(['arn', partition, service, '', account, rest].join(':')))
    return { message: `${arn}: this ${service} ARN has no region, but this one says "${region}"`, fix: `Leave the region empty: arn:${partition}:${service}::${account}:${rest}` };
  if (account !== '' && fits(['arn', partition, service, region, '', rest].join(':')))
    return { message: `${arn}: this ${service} ARN has no account id, but this one says "${account}"`, fix: `Leave the account empty: arn:${partition}:${service}:${region}::${rest}` };
  return { message: `${arn} matches no ${service} resource type`, fix: `Use one of the ${service} ARN formats, e.g. ${templates.slice(0, 2).join(' or ')}.` };
}

export const arnMalformed: LintRule = {
  id: 'arn-malformed',
  severity: 'medium',
  description: 'Resource ARNs are well formed for their service: 6 parts, a real partition and service, no region or account where the service has none, 12-digit account ids',
  check({ statements }) {
    return statements.flatMap((s) => ['Resource', 'NotResource'].flatMap((n) => elementEntries(s, n).flatMap((e) => { const p = arnProblem(e.value); return p ? [{ path: e.path, ...p }] : []; })));
  },
};

const starActions = (entries: Entry[]) => entries.filter((e) => e.value === '*' || e.value === '*:*');

export const starOnStar: LintRule = {
  id: 'star-on-star',
  severity: 'high',
  description: 'No Allow of "*" on "*": that is full administrator access, whatever the policy is called',
  check({ statements }) {
    return statements.flatMap((s): Issue[] => {
      if (effectOf(s) !== 'Allow' || !elementEntries(s, 'Resource').some((r) => r.value === '*')) return [];
      return starActions(elementEntries(s, 'Action')).map((e) => ({
        path: e.path,
        message: `allows "*" on "*": full administrator access${s.raw.Condition ? ' (its conditions narrow when, not what)' : ''}`,
        fix: 'List the actions and ARNs needed; for real administrators attach the AWS managed AdministratorAccess policy so it is visible as such.',
      }));
    });
  },
};

export const notActionAllow: LintRule = {
  id: 'not-action-allow',
  severity: 'medium',
  description: 'No NotAction with Allow: it allows every action not listed, including those AWS adds later',
  check({ statements }) {
    return statements.flatMap((s): Issue[] =>
      effectOf(s) === 'Allow' && 'NotAction' in s.raw
        ? [{ path: `${s.path}.NotAction`, message: 'NotAction with Allow allows every action of every service except those listed, including services AWS launches later', fix: 'List the allowed actions in Action; to exclude some, add a Deny statement for them.' }]
        : [],
    );
  },
};

export const notResourceAllow: LintRule = {
  id: 'not-resource-allow',
  severity: 'medium',
  description: 'No NotResource with Allow: it allows the actions on every resource except those listed, in every account',
  check({ statements }) {
    return statements.flatMap((s): Issue[] =>
      effectOf(s) === 'Allow' && 'NotResource' in s.raw
        ? [{ path: `${s.path}.NotResource`, message: 'NotResource with Allow allows the actions on every other resource, including ones created later and other accounts\' resources', fix: 'List the allowed resources in Resource.' }]
        : [],
    );
  },
};

export const resourceRules: LintRule[] = [arnMalformed, starOnStar, notActionAllow, notResourceAllow];
