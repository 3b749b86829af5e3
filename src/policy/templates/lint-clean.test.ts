// Every template, rendered, passes the linter that `rampart policy lint` runs, with no finding at all.
import { describe, expect, it } from 'vitest';
import { lintDocument } from '../lint/index.js';
import { renderTemplate, TEMPLATES } from './index.js';

const REQUIRED: Record<string, Record<string, string>> = {
  's3-bucket': { bucket: 'my-specific-bucket' },
  'source-ip-and-time': { actions: 's3:GetObject', cidrs: '203.0.113.0/24', start: '2025-01-01T00:00:00Z', end: '2025-12-31T23:59:59Z' },
  'ec2-s3-reader': { bucket: 'my-bucket' },
};

describe('templates lint clean', () => {
  for (const t of TEMPLATES) {
    for (const [part, doc] of Object.entries(renderTemplate(t, REQUIRED[t.name] ?? {}))) {
      it(`${t.name} (${part})`, () => {
        const kind = part === 'trust' ? 'trust' : 'identity';
        expect(lintDocument(doc, { kind, requireMfa: false }).map((f) => `${f.rule} ${f.path}: ${f.message}`)).toEqual([]);
      });
    }
  }
});
