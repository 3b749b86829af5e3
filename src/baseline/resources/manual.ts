// What no API can do for the caller, as steps for a person: root MFA and deleting root's access keys (only root,
// signed in to the console), turning on IAM access to billing, and the "Receive CloudWatch billing alerts"
// preference. Each appears only when the snapshot says it is needed; the last two cannot be read through any API,
// so they appear whenever the spec needs them (unless the billing metric visibly flows), with how to check by hand.
import { rootAccessKeys } from '../../checks/root/root-access-keys.js';
import { rootMfa } from '../../checks/root/root-mfa.js';
import type { Check } from '../../checks/types.js';
import { DEFAULT_CHECK_OPTIONS } from '../../checks/types.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import type { PlanContext, Planner, Step } from '../types.js';
import { planBillingRegion } from './cost-common.js';

export const MANUAL_STEPS = {
  rootMfa: 'manual:root-mfa',
  rootAccessKeys: 'manual:root-access-keys',
  billingAccess: 'manual:iam-billing-access',
  billingAlerts: 'manual:billing-alerts-preference',
} as const;

/** The check does not PASS: FAIL, or UNKNOWN (better to ask a person than to assume). */
function needed(check: Check, snapshot: AccountSnapshot): { needed: boolean; why: string } {
  const results = check.evaluate(snapshot, { ...DEFAULT_CHECK_OPTIONS, now: new Date(snapshot.collectedAt) });
  const failing = results.find((r) => r.status !== 'PASS' && r.status !== 'NOT_APPLICABLE');
  return { needed: failing !== undefined, why: failing?.message ?? '' };
}

const manual = (id: string, title: string, detail: string, console: string[], verify: string): Step => ({
  id,
  title,
  kind: 'manual',
  detail,
  actions: [],
  manual: { console, verify },
});

/** A billing alarm in the billing region with data (OK or ALARM): the metric exists, so the preference is on. */
function billingMetricFlows(ctx: PlanContext): boolean {
  const alarms = ctx.snapshot.regional[planBillingRegion(ctx)]?.alarms ?? [];
  return alarms.some((a) => a.namespace === 'AWS/Billing' && a.metricName === 'EstimatedCharges' && (a.stateValue === 'OK' || a.stateValue === 'ALARM'));
}

export const manualPlanner: Planner = {
  id: 'manual',
  plan(ctx) {
    const { snapshot, spec } = ctx;
    const steps: Step[] = [];

    const mfa = needed(rootMfa, snapshot);
    if (mfa.needed) {
      steps.push(
        manual(
          MANUAL_STEPS.rootMfa,
          'Turn on MFA for the root user',
          `${mfa.why}: only root, signed in to the console, can assign its MFA device`,
          rootMfa.remediation.console,
          'rampart audit --check root-mfa',
        ),
      );
    }

    const keys = needed(rootAccessKeys, snapshot);
    if (keys.needed) {
      steps.push(
        manual(
          MANUAL_STEPS.rootAccessKeys,
          'Delete the root access keys',
          `${keys.why}: only root can delete its own keys; move whatever uses them to an IAM user or role first`,
          rootAccessKeys.remediation.console,
          'rampart audit --check root-access-keys',
        ),
      );
    }

    const costOn = spec.budget !== false || spec.billingAlarms !== false || spec.costAnomaly !== false;
    if (spec.admins !== false || costOn) {
      steps.push(
        manual(
          MANUAL_STEPS.billingAccess,
          'Let IAM users and roles see billing',
          'without "IAM user and role access to Billing information", your admin user cannot open Billing, Budgets or Cost Explorer in the console; no API reads or sets it, so check it',
          [
            'Sign in to the AWS console as the root user',
            'Click the account name (top right), then Account',
            'Scroll to "IAM user and role access to Billing information" and click Edit',
            'Tick "Activate IAM Access", then click Update',
          ],
          'no API shows this setting: signed in as your admin user, open Billing and Cost Management > Bills; a permissions error there means it is still off',
        ),
      );
    }

    if (spec.billingAlarms !== false && !billingMetricFlows(ctx)) {
      steps.push(
        manual(
          MANUAL_STEPS.billingAlerts,
          'Receive CloudWatch billing alerts',
          'the billing alarms watch a metric AWS publishes only once "Receive CloudWatch billing alerts" is on; no API reads or sets it, so check it',
          [
            'Sign in as the root user (or a user with access to billing)',
            'Open Billing and Cost Management, then Billing preferences',
            'Under Alert preferences, click Edit',
            'Tick "Receive CloudWatch billing alerts", then click Update (it cannot be turned off afterwards)',
          ],
          `no API shows this setting: within a day the metric AWS/Billing EstimatedCharges appears in ${planBillingRegion(ctx)} and the billing alarms leave INSUFFICIENT_DATA (rampart audit --check billing-alarm)`,
        ),
      );
    }
    return steps;
  },
};
