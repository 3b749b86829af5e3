// How a secret is shown and remembered: masked for people, hashed for baselines. Neither gives the secret back.
import { createHash } from 'node:crypto';

/** Stars stand for at most this many characters, so a masked session token stays one short word. */
const MAX_STARS = 12;

/** First 4 and last 4 characters, the rest as `*` (at most 12 of them); 8 characters or fewer: all stars. */
export function mask(secret: string): string {
  if (secret.length <= 8) return '*'.repeat(secret.length);
  return `${secret.slice(0, 4)}${'*'.repeat(Math.min(MAX_STARS, secret.length - 8))}${secret.slice(-4)}`;
}

/** sha256 over rule and secret, not the place: a baseline entry survives the line moving or the file being renamed. */
export const fingerprint = (rule: string, secret: string): string =>
  createHash('sha256').update(`${rule}\0${secret}`).digest('hex');
