// `rampart plan --format json`: the steps as data, in plan order, without what only runs them.
import type { Step } from '../baseline/types.js';

export type StepData = Omit<Step, 'run'>;

export const planData = (steps: readonly Step[]): StepData[] => steps.map(({ run: _run, ...data }) => data);

export const renderPlanJson = (steps: readonly Step[]): string => `${JSON.stringify(planData(steps), null, 2)}\n`;
