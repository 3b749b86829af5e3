// Template parameters: typed, validated, with defaults. A value that fails validation is a TemplateError naming the
// parameter, which the CLI reports as bad input.
import { parseCidr } from '../eval/ip.js';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface ParamSpec<T> {
  readonly name: string;
  readonly description: string;
  /** Shown in the listing; undefined means required. */
  readonly default?: string;
  parse(text: string): T;
}

const fail = (name: string, text: string, expected: string): never => {
  throw new TemplateError(`--param ${name}: "${text}" is not ${expected}`);
};

const list = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);

export const partition = (): ParamSpec<string> => ({
  name: 'partition',
  description: 'AWS partition of the ARNs',
  default: 'aws',
  parse: (t) => (/^aws(-cn|-us-gov)?$/.test(t) ? t : fail('partition', t, 'aws, aws-cn or aws-us-gov')),
});

export const bucket = (description: string): ParamSpec<string> => ({
  name: 'bucket',
  description,
  parse: (t) =>
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(t) && !t.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(t)
      ? t
      : fail('bucket', t, 'an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)'),
});

export const regions = (description: string, fallback?: string): ParamSpec<string[]> => ({
  name: 'regions',
  description,
  ...(fallback !== undefined ? { default: fallback } : {}),
  parse(t) {
    const items = list(t);
    if (items.length === 0) fail('regions', t, 'a comma-separated list of regions');
    for (const r of items) if (!/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/.test(r)) fail('regions', r, 'a region name such as us-east-1');
    return items;
  },
});

export const actions = (name: string, description: string, fallback?: string): ParamSpec<string[]> => ({
  name,
  description,
  ...(fallback !== undefined ? { default: fallback } : {}),
  parse(t) {
    const items = list(t);
    if (fallback === undefined && items.length === 0) fail(name, t, 'a comma-separated list of actions');
    for (const a of items) if (a !== '*' && !/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(a)) fail(name, a, 'an action such as s3:GetObject');
    return items;
  },
});

export const cidrs = (): ParamSpec<string[]> => ({
  name: 'cidrs',
  description: 'allowed source addresses, comma-separated CIDR blocks (IPv4 or IPv6)',
  parse(t) {
    const items = list(t);
    if (items.length === 0) fail('cidrs', t, 'a comma-separated list of CIDR blocks');
    for (const c of items) if (!c.includes('/') || !parseCidr(c)) fail('cidrs', c, 'a CIDR block such as 203.0.113.0/24');
    return items;
  },
});

export const isoTime = (name: string, description: string): ParamSpec<string> => ({
  name,
  description,
  parse: (t) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(t) && !Number.isNaN(Date.parse(t))
      ? t
      : fail(name, t, 'an ISO 8601 time such as 2025-01-01T00:00:00Z'),
});

export const text = (name: string, description: string, pattern: RegExp, expected: string, fallback?: string): ParamSpec<string> => ({
  name,
  description,
  ...(fallback !== undefined ? { default: fallback } : {}),
  parse: (t) => (pattern.test(t) ? t : fail(name, t, expected)),
});
