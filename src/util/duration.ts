import { InputError } from './errors.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const DURATION = /^(\d+)\s*([smhdw]?)$/;

/** `90d`, `12h`, `30m`, `3600` (seconds) -> seconds. */
export function parseDuration(flag: string) {
  return (value: string): number => {
    const seconds = durationSeconds(value);
    if (seconds === undefined) throw new InputError(`${flag} expects a duration like 90d, 12h, 30m or seconds, got "${value}"`);
    return seconds;
  };
}

/** The seconds a duration names; with `unit: 'required'` a bare number is not one (where it could be a year). */
export function durationSeconds(value: string, unit: 'optional' | 'required' = 'optional'): number | undefined {
  const m = DURATION.exec(value.trim());
  if (!m || (unit === 'required' && !m[2])) return undefined;
  return Number(m[1]) * UNITS[m[2] || 's']!;
}
