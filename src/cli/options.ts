// Parsers for option values; a bad value is an InputError (exit 2) naming the option.
import { InputError } from '../util/errors.js';
import { SEVERITIES, type Severity } from '../checks/types.js';

export function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) {
      throw new InputError(`${flag} expects a positive whole number, got "${value}"`);
    }
    return n;
  };
}

/** Comma-separated and repeatable: `--check a,b --check c`. */
export const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value.split(',').map((s) => s.trim()).filter(Boolean),
];

export type FailOn = Severity | 'none';

export function failOn(value: string): FailOn {
  const v = value.toLowerCase();
  if (v === 'none' || (SEVERITIES as readonly string[]).includes(v)) return v as FailOn;
  throw new InputError(`--fail-on expects one of ${[...SEVERITIES, 'none'].join(', ')}, got "${value}"`);
}

export function oneOf<T extends string>(flag: string, allowed: readonly T[]) {
  return (value: string): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InputError(`${flag} expects one of ${allowed.join(', ')}, got "${value}"`);
  };
}

/** Colour on a TTY unless NO_COLOR is set (https://no-color.org); FORCE_COLOR forces it. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
