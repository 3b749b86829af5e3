import type { Check } from '../types.js';

export const rootChecks: Check[] = [];
