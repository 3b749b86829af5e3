// The filter-pattern judge: what the monitoring checks import.
export type { ParsedPattern, ParseError, ParseResult } from './ast.js';
export { formatParseError, parsePattern } from './parse.js';
export { matches, matchesMessage } from './match.js';
export type { CisEventSpec, MonitoringCheckId, SampleEvent } from './cis-events.js';
export { CIS_EVENTS, MONITORING_CHECK_IDS } from './cis-events.js';
export type { Judgement } from './judge.js';
export { describeOverBroad, judgeAny, judgePattern } from './judge.js';
