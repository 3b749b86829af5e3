// `rampart apply` killed after each step in turn converges when run again: part 1 of 2 of the steps (the other
// part is apply-killed-2.test.ts, so the two run side by side).
import { describe } from 'vitest';
import { killedAtEachStep } from './apply-e2e-setup.js';

describe('rampart apply on a first-day account, killed part-way', () => killedAtEachStep(0, 2));
