// Every part of the baseline, in the order a person would do it by hand (the seeds' order): who can sign in and how
// first, then what the account says about itself, what it costs, what it records, who hears about it, and what
// watches it. The plan keeps this order except where a step depends on a later one. Manual steps come last: they
// are what is left once everything an API can do is done.
//
// To add a planner: import it and put it in its group below. Groups, in order:
//   identity   password policy, admin group + policy, force-MFA, admin users, account alias
//   account    alternate contacts, support role, S3 account public access block
//   cost       budget, billing alarms, cost anomaly detection, the cost report (data export) and its bucket
//   logging    the trail and its bucket, key and log group
//   monitoring security topic, CIS metric filters + alarms, root sign-in rule
//   config     AWS Config recorder, delivery channel, rules
//   exposure   IAM Access Analyzer, GuardDuty, Security Hub
//   manual     what only a person can do (root MFA, root keys, billing access, billing alerts preference)
import { accessAnalyzerPlanner } from './resources/access-analyzer.js';
import { accountAliasPlanner } from './resources/account-alias.js';
import { adminGroupPlanner } from './resources/admin-group.js';
import { adminUsersPlanner } from './resources/admin-users.js';
import { alternateContactsPlanner } from './resources/alternate-contacts.js';
import { billingAlarmsPlanner } from './resources/billing-alarms.js';
import { budgetPlanner } from './resources/budget.js';
import { configPlanner } from './resources/config.js';
import { costAnomalyPlanner } from './resources/cost-anomaly.js';
import { costReportPlanner } from './resources/cost-report.js';
import { forceMfaPlanner } from './resources/force-mfa.js';
import { guardDutyPlanner } from './resources/guardduty.js';
import { manualPlanner } from './resources/manual.js';
import { passwordPolicyPlanner } from './resources/password-policy.js';
import { s3PublicAccessBlockPlanner } from './resources/s3-public-access-block.js';
import { securityAlarmsPlanner } from './resources/security-alarms.js';
import { securityHubPlanner } from './resources/security-hub.js';
import { supportRolePlanner } from './resources/support-role.js';
import { trailPlanner } from './resources/trail.js';
import type { Planner } from './types.js';

const identity: Planner[] = [passwordPolicyPlanner, adminGroupPlanner, forceMfaPlanner, adminUsersPlanner, accountAliasPlanner];

const account: Planner[] = [alternateContactsPlanner, supportRolePlanner, s3PublicAccessBlockPlanner];

const cost: Planner[] = [budgetPlanner, billingAlarmsPlanner, costAnomalyPlanner, costReportPlanner];

const logging: Planner[] = [trailPlanner];

const monitoring: Planner[] = [securityAlarmsPlanner];

const config: Planner[] = [configPlanner];

const exposure: Planner[] = [accessAnalyzerPlanner, guardDutyPlanner, securityHubPlanner];

const manual: Planner[] = [manualPlanner];

export const PLANNERS: readonly Planner[] = [...identity, ...account, ...cost, ...logging, ...monitoring, ...config, ...exposure, ...manual];
