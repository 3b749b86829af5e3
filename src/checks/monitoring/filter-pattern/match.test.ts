// The matcher against the examples AWS documents (event, pattern, match or not), then the cases the docs leave open.
import { describe, expect, it } from 'vitest';
import type { ParsedPattern } from './ast.js';
import { matches, matchesMessage, splitFields } from './match.js';
import { formatParseError, parsePattern } from './parse.js';

const p = (text: string): ParsedPattern => {
  const r = parsePattern(text);
  if (!r.ok) throw new Error(`did not parse ${text}: ${formatParseError(r.error)}`);
  return r.pattern;
};
const m = (pattern: string, event: object): boolean => matches(p(pattern), event);

// "Filter and pattern syntax", JSON examples.
const DOC_EVENT = {
  eventType: 'UpdateTrail',
  sourceIPAddress: '111.111.111.111',
  arrayKey: ['value', 'another value'],
  objectList: [
    { name: 'a', id: 1 },
    { name: 'b', id: 2 },
  ],
  SomeObject: null,
  ThisFlag: true,
};

const COMPOUND_EVENT = {
  user: { id: 1, email: 'John.Stiles@example.com' },
  users: [
    { id: 2, email: 'John.Doe@example.com' },
    { id: 3, email: 'Jane.Doe@example.com' },
  ],
  actions: ['GET', 'PUT', 'DELETE'],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe('JSON patterns, as AWS documents them', () => {
  it('matches the documented filters on the documented event', () => {
    for (const f of [
      '{ $.eventType = "UpdateTrail" }',
      '{ $.sourceIPAddress != 123.123.* }',
      '{ $.arrayKey[0] = "value" }',
      '{ $.objectList[1].id = 2 }',
      '{ $.SomeObject IS NULL }',
      '{ $.SomeOtherObject NOT EXISTS }',
      '{ $.ThisFlag IS TRUE }',
    ]) {
      expect(m(f, DOC_EVENT), f).toBe(true);
    }
  });

  it('is false when the selector does not fit the event (documented)', () => {
    expect(m('{ $.eventType[0] = "UpdateTrail" }', DOC_EVENT)).toBe(false); // not an array
    expect(m('{ $.objectList[0].missing = 1 }', DOC_EVENT)).toBe(false);
    expect(m('{ $.arrayKey[5] = "value" }', DOC_EVENT)).toBe(false);
    expect(m('{ $.ThisFlag IS FALSE }', DOC_EVENT)).toBe(false);
    expect(m('{ $.sourceIPAddress != 111.111.* }', DOC_EVENT)).toBe(false);
  });

  it('evaluates the documented compound examples with () > && > ||', () => {
    expect(m('{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', COMPOUND_EVENT)).toBe(true);
    expect(m('{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', COMPOUND_EVENT)).toBe(false);
    expect(m('{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }', COMPOUND_EVENT)).toBe(true);
    expect(m('{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }', COMPOUND_EVENT)).toBe(false);
  });

  it('fails both = and != when the selector points to an array or object (documented)', () => {
    const event = { users: [1, 2, 3], user: { id: 1 } };
    for (const f of ['{ $.users = 1 }', '{ $.users != 1 }', '{ $.user = 1 }', '{ $.user != 1 }', '{ $.users = * }']) {
      expect(m(f, event), f).toBe(false);
    }
  });

  it('compares numbers with every documented operator', () => {
    const event = { latency: 500, numbers: [9], processes: [0, 0, 0, 0, { averageRuntime: 55.5 }], errorCode: 400 };
    for (const [f, want] of [
      ['{ $.latency >= 500 }', true],
      ['{ $.latency > 500 }', false],
      ['{ $.latency <= 500 }', true],
      ['{ $.latency < 500 }', false],
      ['{ $.latency > +100 }', true],
      ['{ $.numbers[0] < 10e3 }', true],
      ['{ $.numbers[0] < 10e-3 }', false],
      ['{ $.processes[4].averageRuntime <= 55.5 }', true],
      ['{ $.errorCode = 400 }', true],
      ['{ $.errorCode != 500 }', true],
      ['{ $.errorCode != 400 }', false],
      ['{ $.latency = * }', true],
    ] as const) {
      expect(m(f, event), f).toBe(want);
    }
  });

  it('matches wildcards at the start, the end or both, case-sensitively', () => {
    const event = { errorCode: 'Client.UnauthorizedOperation', other: 'AccessDeniedException', path: '/a/index.html?x' };
    expect(m('{ $.errorCode = "*UnauthorizedOperation" }', event)).toBe(true);
    expect(m('{ $.other = "AccessDenied*" }', event)).toBe(true);
    expect(m('{ $.path = *index.html* }', event)).toBe(true);
    expect(m('{ $.errorCode = "*unauthorizedoperation" }', event)).toBe(false);
    expect(m('{ $.errorCode = "UnauthorizedOperation" }', event)).toBe(false);
    expect(m('{ $.errorCode = Client*Operation }', event)).toBe(false); // a middle star is literal
    expect(m('{ $.errorCode = Client*Operation }', { errorCode: 'Client*Operation' })).toBe(true);
  });

  it('matches %regex% anywhere in the value unless anchored', () => {
    const event = { errorCode: 'AccessDeniedException' };
    expect(m('{ $.errorCode = %Denied% }', event)).toBe(true);
    expect(m('{ $.errorCode = %^Denied% }', event)).toBe(false);
    expect(m('{ $.errorCode != %^Access% }', event)).toBe(false);
  });
});

describe('JSON patterns, where the docs are silent (see match.ts)', () => {
  it('does not match != on an absent field; NOT EXISTS does', () => {
    const login = { eventName: 'ConsoleLogin', additionalEventData: {} };
    expect(m('{ $.additionalEventData.MFAUsed != "Yes" }', login)).toBe(false);
    expect(m('{ $.additionalEventData.MFAUsed = "No" }', login)).toBe(false);
    expect(m('{ $.additionalEventData.MFAUsed NOT EXISTS }', login)).toBe(true);
    expect(m('{ $.additionalEventData.MFAUsed NOT EXISTS || $.additionalEventData.MFAUsed != "Yes" }', login)).toBe(true);
  });

  it('treats null as present but not comparable', () => {
    const event = { requestParameters: null };
    expect(m('{ $.requestParameters IS NULL }', event)).toBe(true);
    expect(m('{ $.requestParameters NOT EXISTS }', event)).toBe(false);
    expect(m('{ $.requestParameters != "x" }', event)).toBe(false);
    expect(m('{ $.requestParameters = * }', event)).toBe(false);
    expect(m('{ $.missing IS NULL }', event)).toBe(false);
    expect(m('{ $.requestParameters.x NOT EXISTS }', event)).toBe(true);
  });

  it('compares an unquoted number with a string that spells it (account ids are strings in CloudTrail)', () => {
    const event = { recipientAccountId: '123456789012', code: '400' };
    expect(m('{ $.recipientAccountId = 123456789012 }', event)).toBe(true);
    expect(m('{ $.code = 400 }', event)).toBe(true);
    expect(m('{ $.code > 399 }', event)).toBe(true);
    expect(m('{ $.recipientAccountId = "123456789012" }', event)).toBe(true);
    expect(m('{ $.n = "400" }', { n: 400 })).toBe(true);
  });

  it('compares booleans by their text, and IS TRUE only with a real boolean', () => {
    expect(m('{ $.readOnly = false }', { readOnly: false })).toBe(true);
    expect(m('{ $.readOnly IS TRUE }', { readOnly: 'true' })).toBe(false);
  });

  it('does not look up inherited properties', () => {
    expect(m('{ $.constructor = * }', {})).toBe(false);
    expect(m('{ $.toString NOT EXISTS }', {})).toBe(true);
  });
});

describe('text patterns on the message', () => {
  // The documented example: ERROR matches 1 and 2, ?ERROR ?WARN all three, ERROR WARN only 1, ERROR -WARN only 2.
  const lines = ['ERROR WARN message', 'ERROR message', 'WARN message'];
  const which = (pattern: string) => lines.map((l) => matchesMessage(p(pattern), l));

  it('matches as AWS documents', () => {
    expect(which('ERROR')).toEqual([true, true, false]);
    expect(which('?ERROR ?WARN')).toEqual([true, true, true]);
    expect(which('ERROR WARN')).toEqual([true, false, false]);
    expect(which('ERROR -WARN')).toEqual([false, true, false]);
    expect(which('"ERROR" - "WARN"')).toEqual([false, true, false]);
    expect(which('')).toEqual([true, true, true]);
    expect(which('%^WARN%')).toEqual([false, false, true]);
  });

  it('searches substrings case-sensitively (ERROR matches ERRORCODE, documented)', () => {
    expect(matchesMessage(p('ERROR'), 'Exiting with ERRORCODE: -1')).toBe(true);
    expect(matchesMessage(p('error'), 'Exiting with ERRORCODE: -1')).toBe(false);
    expect(matchesMessage(p('"Failed to process the request"'), '[WARN] Failed to process the request')).toBe(true);
  });

  it('needs every required term, no excluded one, and one optional term if there are any', () => {
    expect(matchesMessage(p('ERROR ?disk ?network -retry'), 'ERROR network down')).toBe(true);
    expect(matchesMessage(p('ERROR ?disk ?network -retry'), 'ERROR cpu hot')).toBe(false);
    expect(matchesMessage(p('ERROR ?disk ?network -retry'), 'ERROR network down, retry')).toBe(false);
  });

  it('runs on a CloudTrail event as its JSON text', () => {
    const event = { eventName: 'ConsoleLogin', errorMessage: 'Failed authentication' };
    expect(matches(p('ConsoleLogin "Failed authentication"'), event)).toBe(true);
    expect(matches(p('"\\"eventName\\":\\"ConsoleLogin\\""'), event)).toBe(true);
    expect(matches(p('ConsoleLogin -Failed'), event)).toBe(false);
  });

  it('never matches a JSON pattern on a message that is not a JSON object', () => {
    expect(matchesMessage(p('{ $.a = * }'), 'plain text')).toBe(false);
    expect(matchesMessage(p('{ $.a = * }'), '[1, 2]')).toBe(false);
    expect(matchesMessage(p('{ $.a = * }'), '{"a": "x"}')).toBe(true);
  });
});

describe('space-delimited patterns on the message', () => {
  // The documented Apache log lines.
  const lines = [
    '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
    '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
    '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /index.html HTTP/1.0" 404 4355',
  ];
  const which = (pattern: string) => lines.map((l) => matchesMessage(p(pattern), l));

  it('splits on spaces, keeping [..] and ".." together', () => {
    expect(splitFields(lines[0] ?? '')).toEqual(['127.0.0.1', '-', 'frank', '10/Oct/2000:13:25:15 -0700', 'GET /apache_pb.gif HTTP/1.0', '200', '1534']);
  });

  it('matches fields by position, with ... absorbing any number', () => {
    expect(which('[ip, user, username, timestamp, request, status_code, bytes]')).toEqual([true, true, true]);
    expect(which('[ip, user, username, timestamp, request, status_code]')).toEqual([false, false, false]);
    expect(which('[..., status_code, bytes]')).toEqual([true, true, true]);
    expect(which('[ip, user, ...]')).toEqual([true, true, true]);
    expect(which('[ip, ..., status_code = 5*, ...]')).toEqual([false, true, false]);
  });

  it('applies string and numeric conditions, && and ||', () => {
    expect(which('[ip, user, username, timestamp, request, status_code, bytes > 5000]')).toEqual([false, true, false]);
    expect(which('[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]')).toEqual([false, false, true]);
    expect(which('[ip, user, username, timestamp, request, status_code = 500 || status_code = 404, bytes]')).toEqual([false, true, true]);
    expect(which('[ip, user, username, timestamp, request, status_code != 200 && bytes < 5000, bytes]')).toEqual([false, false, true]);
    // AWS's own example: the trailing comma is a seventh, unnamed field.
    expect(which('[..., request=*.html*, status_code=4*,]')).toEqual([false, false, true]);
    expect(which('[ip, , , timestamp, request, status_code = 200, bytes]')).toEqual([true, false, false]);
  });

  it('does not match a condition on a field the pattern does not declare', () => {
    expect(which('[ip, ..., status_code = 200 && nothing = 1, bytes]')).toEqual([false, false, false]);
  });
});
