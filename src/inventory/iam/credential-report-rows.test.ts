import { describe, expect, it } from 'vitest';
import { credentialRowSchema } from '../snapshot.js';
import { UnreadableResponseError } from '../context.js';
import { parseCsv } from './csv.js';
import { parseCredentialReport } from './credential-report-rows.js';

// As AWS writes it: root's password columns say not_supported, unused things N/A or no_information.
const REPORT = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2026-05-01T10:00:00+00:00,not_supported,not_supported,false,true,2021-02-03T04:05:06+00:00,2026-06-01T00:00:00+00:00,us-east-1,ec2,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'alice,arn:aws:iam::123456789012:user/alice,2024-03-01T12:00:00+00:00,true,no_information,2024-03-01T12:00:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,true,2025-01-01T00:00:00+00:00,false,N/A',
].join('\n');

describe('parseCredentialReport', () => {
  const [root, alice] = parseCredentialReport(REPORT);

  it('keeps the root row, with not_supported as null', () => {
    expect(root).toMatchObject({
      user: '<root_account>',
      arn: 'arn:aws:iam::123456789012:root',
      userCreationTime: '2020-01-01T00:00:00.000Z',
      passwordEnabled: null,
      passwordLastUsed: '2026-05-01T10:00:00.000Z',
      passwordLastChanged: null,
      mfaActive: false,
    });
    expect(root!.accessKeys).toEqual([
      { active: true, lastRotated: '2021-02-03T04:05:06.000Z', lastUsedDate: '2026-06-01T00:00:00.000Z', lastUsedRegion: 'us-east-1', lastUsedService: 'ec2' },
      { active: false, lastRotated: null, lastUsedDate: null, lastUsedRegion: null, lastUsedService: null },
    ]);
  });

  it('reads booleans, no_information and two certificates', () => {
    expect(alice).toMatchObject({ passwordEnabled: true, passwordLastUsed: null, mfaActive: true, passwordNextRotation: null });
    expect(alice!.certs).toEqual([
      { active: true, lastRotated: '2025-01-01T00:00:00.000Z' },
      { active: false, lastRotated: null },
    ]);
  });

  it('gives rows the snapshot schema accepts', () => {
    for (const row of [root, alice]) expect(credentialRowSchema.safeParse(row).success).toBe(true);
  });

  it('finds columns by name, not position', () => {
    const [row] = parseCredentialReport('arn,mfa_active,user\narn:aws:iam::1:user/bob,true,bob\n');
    expect(row).toMatchObject({ user: 'bob', arn: 'arn:aws:iam::1:user/bob', mfaActive: true, certs: [] });
    expect(row!.accessKeys).toHaveLength(2);
  });

  it('refuses a report without its columns', () => {
    expect(() => parseCredentialReport('')).toThrow(UnreadableResponseError);
    expect(() => parseCredentialReport('name,arn\nx,y')).toThrow(/no column user, mfa_active/);
  });
});

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, CRLF and a missing final newline', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,2,3')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('x\n\n')).toEqual([['x']]);
  });
});
