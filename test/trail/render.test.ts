// The text report of a hunt: an incident longer than its timeline says how to see all of it, in a way that works.
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/trail/hunt.js';
import { renderHuntText } from '../../src/trail/render.js';

const incident = (actor: string, omitted: number): Incident => ({
  number: 1,
  severity: 'high',
  actor,
  start: '2026-11-20T10:00:00Z',
  end: '2026-11-20T11:00:00Z',
  detections: [{ id: 'gpu-instances', severity: 'high', title: 'GPU', meaning: 'm', action: 'a', hits: 1, evidence: ['g4dn.xlarge'] }],
  timeline: [],
  omitted,
});
const text = (actor: string, omitted: number) => renderHuntText({ events: 10, files: 1, problems: [], incidents: [incident(actor, omitted)] });

describe('renderHuntText', () => {
  it('names the option that shows every event of a cut-short incident: --access-key for a key, --principal for an identity', () => {
    expect(text('AKIAQ3EGRJ5XSEED0002', 1234)).toContain('    ... 1,234 more events (all of them: --access-key AKIAQ3EGRJ5XSEED0002)\n');
    expect(text('arn:aws:iam::111122223333:user/alice', 1)).toContain('    ... 1 more event (all of them: --principal arn:aws:iam::111122223333:user/alice)\n');
    expect(text('cloudformation.amazonaws.com', 5)).toContain('    ... 5 more events\n');
    expect(text('AKIAQ3EGRJ5XSEED0002', 0)).not.toContain('more event');
  });
});
