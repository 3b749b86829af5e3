import { InputError } from '../util/errors.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** `90d`, `12h`, `30m`, `3600` (seconds) -> seconds. */
export function parseDuration(flag: string) {
  return (value: string): number => {
    const m = /^(\d+)\s*([smhdw]?)$/.exec(value.trim());
    if (!m) throw new InputError(`${flag} expects a duration like 90d, 12h, 30m or seconds, got "${value}"`);
    return Number(m[1]) * UNITS[m[2] || 's']!;
  };
}
