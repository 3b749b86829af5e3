// Runs the real engine over generated records written as a CloudTrail delivery file, so the fast path is what is tested.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrailEngine } from '../../src/trail/engine.js';
import { hunt, type HuntFilter, type HuntResult } from '../../src/trail/hunt.js';
import { scanLocal } from '../../src/trail/local-files.js';
import { writeDelivery, type CloudTrailRecord } from './events.js';

export interface Hunted {
  result: HuntResult;
  /** detection id -> eventIDs it flagged */
  flagged: Map<string, Set<string>>;
  fastFiles: number;
}

export async function huntRecords(records: CloudTrailRecord[], filter: HuntFilter = {}): Promise<Hunted> {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-hunt-'));
  try {
    writeDelivery(join(dir, 'events.json.gz'), records);
    const scan = await scanLocal([dir]);
    const engine = await TrailEngine.open();
    try {
      await engine.loadFiles(scan.files, (p) => {
        throw new Error(`unexpected problem: ${p.origin}: ${p.message}`);
      });
      const result = await hunt(engine, filter);
      const flagged = new Map<string, Set<string>>();
      for (const i of result.incidents)
        for (const e of i.timeline) for (const d of e.detections) flagged.set(d, (flagged.get(d) ?? new Set()).add(e.eventId ?? ''));
      return { result, flagged, fastFiles: engine.stats.fastFiles };
    } finally {
      await engine.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const idOf = (r: CloudTrailRecord): string => r.eventID as string;
