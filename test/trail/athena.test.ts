// rampart trail athena: the DDL, the events view with the DuckDB table's columns, every detection in Athena's dialect.
import { describe, expect, it } from 'vitest';
import { DETECTIONS } from '../../src/trail/detections/index.js';
import { athenaProblem, toAthena } from '../../src/trail/dialect.js';
import { EVENT_COLUMNS } from '../../src/trail/events-table.js';
import { runCli } from '../cli/io.js';

describe('the DuckDB -> Athena translation', () => {
  it('translates every detection into SQL with no DuckDB-only construct left', () => {
    for (const d of DETECTIONS) {
      const sql = toAthena(d.sql);
      expect(athenaProblem(sql), d.id).toBeUndefined();
      expect(sql, d.id).not.toMatch(/regexp_matches|strftime|::/);
    }
  });

  it('rewrites what differs and refuses what it cannot translate', () => {
    expect(toAthena("SELECT regexp_matches(aws_region, '^a$') FROM events")).toBe("SELECT regexp_like(aws_region, '^a$') FROM events");
    expect(toAthena("SELECT strftime(event_time, '%Y-%m-%dT%H:%M:%SZ') FROM events")).toBe("SELECT date_format(event_time, '%Y-%m-%dT%H:%i:%sZ') FROM events");
    expect(() => toAthena('SELECT x::varchar FROM events')).toThrow(/"::" casts/);
    expect(() => toAthena('SELECT * FROM events QUALIFY row_number() OVER () = 1')).toThrow(/QUALIFY/);
    expect(() => toAthena("SELECT * FROM events WHERE event_time > now() - INTERVAL 1 HOUR")).toThrow(/INTERVAL/);
    // Inside a string literal anything goes: a LIKE pattern is data, not SQL.
    expect(toAthena(`SELECT 1 FROM events WHERE request_parameters LIKE '%"AWS":"*"::%'`)).toContain('"AWS"');
  });

  it('every column the detections read exists in both engines', () => {
    const names = new Set(EVENT_COLUMNS.map((c) => c.name));
    const used = new Set(DETECTIONS.flatMap((d) => [...d.sql.matchAll(/\b([a-z]+_[a-z_]+)\b/g)].map((m) => m[1]!)));
    const notColumns = new Set(['json_bucket', 'key_first_seen', 'first_seen', 'iam_days', 'regexp_matches', 'split_part', 'count_star']);
    for (const u of used) if (!notColumns.has(u)) expect(names.has(u), `${u} is not an events column`).toBe(true);
    for (const c of EVENT_COLUMNS) expect(c.athena, c.name).not.toBe('');
  });
});

describe('rampart trail athena', () => {
  it('prints the table with partition projection, the events view and every detection', async () => {
    const r = await runCli(['trail', 'athena', '--bucket', 'acme-trail', '--prefix', 'org/', '--account', '111122223333,444455556666', '--regions', 'us-east-1,eu-west-1', '--database', 'security']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('CREATE EXTERNAL TABLE IF NOT EXISTS security.cloudtrail_logs (');
    expect(out).toContain("LOCATION 's3://acme-trail/org/AWSLogs/'");
    expect(out).toContain("'projection.account.values' = '111122223333,444455556666'");
    expect(out).toContain("'projection.region.values' = 'us-east-1,eu-west-1'");
    expect(out).toContain("'projection.day.format' = 'yyyy/MM/dd'");
    expect(out).toContain("'storage.location.template' = 's3://acme-trail/org/AWSLogs/${account}/CloudTrail/${region}/${day}'");
    const view = out.slice(out.indexOf('CREATE OR REPLACE VIEW security.events AS'), out.indexOf('FROM security.cloudtrail_logs;'));
    expect([...view.matchAll(/ AS ([a-z_]+),?\n/g)].map((m) => m[1])).toEqual([...EVENT_COLUMNS.map((c) => c.name), 'origin']);
    for (const d of DETECTIONS) expect(out).toContain(`-- ${d.id} (${d.severity}): ${d.title}`);
    expect(out.match(/;\n/g)?.length).toBe(2 + DETECTIONS.length);
  });

  it('defaults to the regions every account has, and refuses bad names with exit 2', async () => {
    const ok = await runCli(['trail', 'athena', '--bucket', 'acme-trail', '--account', '111122223333']);
    expect(ok.stdout).toContain("'projection.region.values' = 'us-east-1,us-east-2,");
    expect(ok.stdout).toContain('CREATE OR REPLACE VIEW default.events AS');
    for (const bad of [['--bucket', 'Bad_Bucket', '--account', '111122223333'], ['--bucket', 'b-1'], ['--bucket', 'acme', '--account', '12'], ['--bucket', 'acme', '--account', '111122223333', '--regions', 'mars'], ['--bucket', 'acme', '--account', '111122223333', '--database', 'drop table']]) {
      const r = await runCli(['trail', 'athena', ...bad]);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
