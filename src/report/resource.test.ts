import { describe, expect, it } from 'vitest';
import { resourceNoun, shortResource, truncateMiddle } from './resource.js';
import { stripControl, wrap } from './wrap.js';

const A = '123456789012';

describe('shortResource', () => {
  it.each([
    [`arn:aws:iam::${A}:root`, 'root'],
    [`arn:aws:::${A}`, 'account'],
    [`arn:aws:iam::${A}:user/alice`, 'alice'],
    [`arn:aws:iam::${A}:user/division/team/alice`, 'alice'],
    [`arn:aws:iam::${A}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport`, 'AWSServiceRoleForSupport'],
    [`arn:aws:iam::${A}:policy/AllowEverything`, 'AllowEverything'],
    [`arn:aws:iam::${A}:group/admins`, 'admins'],
    [`arn:aws:iam::${A}:user/ci/access-key-1`, 'ci/access-key-1'],
    [`arn:aws:iam::${A}:user/team/ci/access-key-2`, 'ci/access-key-2'],
    [`arn:aws-us-gov:iam::${A}:user/bob`, 'bob'],
    ['arn:aws:s3:::my-trail-bucket', 'my-trail-bucket'],
    [`arn:aws:cloudtrail:eu-west-1:${A}:trail/main`, 'main (eu-west-1)'],
    [`arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, '1234abcd-12ab-34cd-56ef-1234567890ab (us-east-1)'],
    [`arn:aws:logs:us-east-1:${A}:log-group:/aws/cloudtrail/main`, '/aws/cloudtrail/main (us-east-1)'],
    ['us-east-1', 'us-east-1'],
    ['not an arn', 'not an arn'],
  ])('%s -> %s', (resource, short) => {
    expect(shortResource(resource, A)).toBe(short);
  });

  it('keeps an ARN of another account whole: which account it is in matters', () => {
    const other = 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail';
    expect(shortResource(other, A)).toBe(other);
    expect(shortResource(`arn:aws:iam::aws:policy/AdministratorAccess`, A)).toBe('AdministratorAccess');
  });
});

describe('truncateMiddle', () => {
  it('keeps both ends of what is too long, and leaves the rest alone', () => {
    expect(truncateMiddle('short', 10)).toBe('short');
    const cut = truncateMiddle('abcdefghijklmnopqrstuvwxyz', 11);
    expect(cut).toBe('abcde…vwxyz');
    expect(cut).toHaveLength(11);
  });
});

describe('resourceNoun', () => {
  it('names what a list holds, or says resources when it is mixed', () => {
    expect(resourceNoun([`arn:aws:iam::${A}:user/a`, `arn:aws:iam::${A}:user/b`])).toEqual(['user', 'users']);
    expect(resourceNoun([`arn:aws:iam::${A}:policy/p`])).toEqual(['policy', 'policies']);
    expect(resourceNoun(['us-east-1', 'eu-west-1'])).toEqual(['region', 'regions']);
    expect(resourceNoun([`arn:aws:kms:us-east-1:${A}:key/k`])).toEqual(['key', 'keys']);
    expect(resourceNoun([`arn:aws:iam::${A}:user/ci/access-key-1`])).toEqual(['access key', 'access keys']);
    expect(resourceNoun(['us-east-1', `arn:aws:iam::${A}:user/a`])).toEqual(['resource', 'resources']);
  });
});

describe('wrap', () => {
  it('wraps on words, with another width after the first line', () => {
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('aa bb cc dd ee', 2, 8)).toEqual(['aa', 'bb cc dd', 'ee']);
  });

  it('keeps a word longer than the width whole, and keeps line breaks', () => {
    expect(wrap('see arn:aws:iam::123456789012:user/alice now', 10)).toEqual(['see', 'arn:aws:iam::123456789012:user/alice', 'now']);
    expect(wrap('one\ntwo', 80)).toEqual(['one', 'two']);
  });

  it('stripControl removes escapes but keeps tabs and newlines', () => {
    expect(stripControl('a\x1b[31mb\x9bc\td\ne\x00')).toBe('a[31mbc\td\ne');
  });
});
