// STS and access-key state that the scenario does not hold: keys still propagating, sessions handed out.
import type { ParsedScenario } from './scenario.js';

export interface PropagatingKey {
  /** STS calls it still refuses. */
  callsLeft: number;
  /** Wall-clock ms (Date.now()) until which it is refused: the emulator's `now` is fixed, propagation is real time. */
  until: number;
}

export interface StsWorld {
  readonly mfaCode: string;
  readonly newKeyDelay: { readonly calls: number; readonly seconds: number };
  readonly propagating: Map<string, PropagatingKey>;
  /** Session key id -> its secret: session secrets are canaries too (no response but the one creating them carries them). */
  readonly sessionSecrets: Map<string, string>;
}

export function buildStsWorld(scenario: ParsedScenario): StsWorld {
  return { mfaCode: scenario.sts.mfaCode, newKeyDelay: { ...scenario.sts.newKeyDelay }, propagating: new Map(), sessionSecrets: new Map() };
}
