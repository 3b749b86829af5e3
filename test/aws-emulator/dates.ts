// Scenario dates: ISO 8601, or relative to the emulator's clock so a scenario file never goes stale:
// "-120d" (120 days ago), "+30d", "-6h", "-90m" (minutes), "-2w", "-1y" (365 days), or "now".

const RELATIVE = /^([+-])(\d+)(s|m|h|d|w|y)$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

export function isDateSpec(spec: string): boolean {
  return spec === 'now' || RELATIVE.test(spec) || !Number.isNaN(Date.parse(spec));
}

export function resolveDate(spec: string, now: Date): Date {
  if (spec === 'now') return new Date(now.getTime());
  const rel = RELATIVE.exec(spec);
  if (rel) {
    const sign = rel[1] === '-' ? -1 : 1;
    return new Date(now.getTime() + sign * Number(rel[2]) * (UNIT_MS[rel[3] as string] as number));
  }
  const ms = Date.parse(spec);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${spec}`);
  return new Date(ms);
}

/** Whole seconds: AWS never reports milliseconds, and equal dates must print equally everywhere. */
export function truncateToSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
