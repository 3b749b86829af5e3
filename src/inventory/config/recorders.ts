// AWS Config recorders of one region, with their status: what they record and whether they are recording.
// The status is its own call, made only where a recorder exists; if only it fails, the recorders are still known
// and `recording` is null.
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
} from '@aws-sdk/client-config-service';
import type { Session } from '../../aws/session.js';
import { attempt, call, type FailureLog } from '../context.js';
import type { RegionCall } from '../regional.js';
import type { ConfigRecorder } from '../schema/regional.js';

export const toConfigRecorder = (r: ConfigurationRecorder, status: ConfigurationRecorderStatus | undefined, statusKnown: boolean): ConfigRecorder => ({
  name: r.name ?? '',
  allSupported: r.recordingGroup?.allSupported ?? false,
  includeGlobalResourceTypes: r.recordingGroup?.includeGlobalResourceTypes ?? false,
  recordingStrategy: r.recordingGroup?.recordingStrategy?.useOnly ?? null,
  // A recorder the status call knows nothing of has never been started.
  recording: statusKnown ? (status?.recording ?? false) : null,
  lastStatus: status?.lastStatus ?? null,
});

export async function collectConfigRecorders(session: Session, region: string, failures: FailureLog, rc: RegionCall): Promise<ConfigRecorder[]> {
  const config = session.client(ConfigServiceClient, { region });
  const recorders = await call(failures, { service: 'config', operation: 'DescribeConfigurationRecorders', region }, () =>
    rc.timed((abortSignal) => config.send(new DescribeConfigurationRecordersCommand({}), { abortSignal })),
  );
  const list = recorders.ConfigurationRecorders ?? [];
  // Most regions of an account without Config have no recorder: one call there, not two.
  if (list.length === 0) return [];
  const statuses = await attempt(failures, { service: 'config', operation: 'DescribeConfigurationRecorderStatus', region }, () =>
    rc.timed((abortSignal) => config.send(new DescribeConfigurationRecorderStatusCommand({}), { abortSignal })),
  );
  const byName = new Map((statuses?.value.ConfigurationRecordersStatus ?? []).map((s) => [s.name ?? '', s]));
  return list.map((r) => toConfigRecorder(r, byName.get(r.name ?? ''), statuses !== undefined));
}
