import type { Check } from '../types.js';
import { billingAlarm } from './billing-alarm.js';
import { budgetAlerts } from './budget-alerts.js';
import { budgetExists } from './budget-exists.js';
import { costAnomalyMonitor } from './cost-anomaly-monitor.js';
import { costUsageReport } from './cost-usage-report.js';

/** In the order of CHECKS.md. */
export const costChecks: Check[] = [budgetExists, budgetAlerts, billingAlarm, costAnomalyMonitor, costUsageReport];
