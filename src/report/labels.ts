// How areas are named to a person (the JSON keeps the ids).
import type { Area } from '../checks/types.js';

export const AREA_LABELS: Readonly<Record<Area, string>> = {
  root: 'Root user',
  identity: 'Identity',
  'password-policy': 'Password policy',
  cost: 'Cost',
  logging: 'Logging',
  monitoring: 'Monitoring',
  exposure: 'Exposure and detection',
  policy: 'Policies',
};
