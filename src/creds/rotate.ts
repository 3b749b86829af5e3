// `rampart creds rotate`: a new access key for a profile without ever leaving it without a working key.
//
//   create the new key -> stage it in the credentials file as [P-rampart-new] -> wait until STS accepts it
//   -> switch: [P] gets the new key, the old one waits in [P-rampart-old] -> deactivate the old key
//   -> verify [P] again -> delete the old key (or keep it inactive for --grace) -> drop the staging sections
//
// Every file write is atomic, so the credentials file itself says how far a killed run got: a staged
// [P-rampart-new] means "verify and switch", a [P-rampart-old] means "switched, finish", neither means "start".
// A record in ~/.aws/rampart/rotations remembers the keys that existed before a CreateAccessKey whose answer
// may have been lost, so a rerun can delete a key nobody has the secret of. Failures roll back and say what they did.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, ListAccessKeysCommand, UpdateAccessKeyCommand, type AccessKeyMetadata } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ensurePrivateDir } from '../baseline/state-dir.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { InputError, RunError } from '../util/errors.js';
import { awsFailure, errorCode, type CredsAws, type Keys } from './aws.js';
import { loadAwsFiles, readIniFile, writeIniFile, type AwsFiles, type AwsPaths } from './files.js';
import { removeSection, sectionValues, setSection, type IniDocument } from './ini.js';
import { acquireLock } from './lock.js';
import { maskKeyId } from './mask.js';

export interface VerifyPolicy {
  /** GetCallerIdentity tries before the new key is given up on. */
  readonly attempts: number;
  /** First wait between tries; it doubles, up to 4 times this (bench/creds.ts: a longer cap overshoots slow keys). */
  readonly delayMs: number;
}

export interface RotateRequest {
  readonly profile: string;
  /** Keep the old key inactive this long before a later run deletes it; 0 deletes it now. */
  readonly graceSeconds: number;
  readonly now: Date;
  readonly verify: VerifyPolicy;
  readonly lockWaitMs: number;
  /** One line per step done (key ids masked). */
  readonly say: (line: string) => void;
}

export interface RotateResult {
  readonly profile: string;
  readonly newKey: string;
  readonly oldKey: string;
  readonly oldKeyState: 'deleted' | 'inactive';
  readonly deleteAfter?: Date;
}

interface RotationRecord {
  readonly profile: string;
  readonly oldKeyId: string;
  /** The user's keys before CreateAccessKey: any other key found on resume was made by the interrupted run. */
  readonly keysBefore: readonly string[];
  /** Set once the old key waits out its --grace, inactive. */
  readonly deleteAfter?: string;
}

const stagedNew = (p: string) => `${p}-rampart-new`;
const stagedOld = (p: string) => `${p}-rampart-old`;
const recordPath = (paths: AwsPaths, profile: string) => join(paths.stateDir, 'rotations', `${encodeURIComponent(profile)}.json`);

async function readRecord(paths: AwsPaths, profile: string): Promise<RotationRecord | undefined> {
  try {
    return JSON.parse(await readFile(recordPath(paths, profile), 'utf8')) as RotationRecord;
  } catch {
    return undefined;
  }
}

async function writeRecord(paths: AwsPaths, record: RotationRecord): Promise<void> {
  await ensurePrivateDir(join(paths.stateDir, 'rotations'));
  await writeFileAtomic(recordPath(paths, record.profile), `${JSON.stringify(record)}\n`, { mode: 0o600, backup: false });
}

const dropRecord = (paths: AwsPaths, profile: string) => rm(recordPath(paths, profile), { force: true });

function keysIn(doc: IniDocument, section: string): Keys | undefined {
  const v = sectionValues(doc, section);
  return v.aws_access_key_id && v.aws_secret_access_key ? { accessKeyId: v.aws_access_key_id, secretAccessKey: v.aws_secret_access_key } : undefined;
}

function describeKeys(keys: readonly AccessKeyMetadata[]): string {
  return keys.map((k) => `${maskKeyId(k.AccessKeyId ?? '')} (${k.Status}, created ${k.CreateDate?.toISOString().slice(0, 10) ?? '?'})`).join(' and ');
}

class Rotation {
  constructor(
    private readonly aws: CredsAws,
    private readonly files: AwsFiles,
    private readonly req: RotateRequest,
  ) {}

  private get paths(): AwsPaths {
    return this.files.paths;
  }

  private get profile() {
    return this.req.profile;
  }

  private async doc(): Promise<IniDocument> {
    return readIniFile(this.paths.credentials);
  }

  private async call<T>(keys: Keys, fn: (c: ReturnType<CredsAws['iam']>) => Promise<T>): Promise<T> {
    const iam = this.aws.iam(keys);
    try {
      return await fn(iam);
    } finally {
      iam.destroy();
    }
  }

  async listKeys(keys: Keys): Promise<AccessKeyMetadata[]> {
    return this.call(keys, async (iam) => (await iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata ?? []);
  }

  private deleteKey(signer: Keys, id: string): Promise<void> {
    return this.call(signer, async (iam) => {
      try {
        await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: id }));
      } catch (err) {
        if (errorCode(err) !== 'NoSuchEntity') throw err;
      }
    });
  }

  private setStatus(signer: Keys, id: string, status: 'Active' | 'Inactive'): Promise<void> {
    return this.call(signer, async (iam) => void (await iam.send(new UpdateAccessKeyCommand({ AccessKeyId: id, Status: status }))));
  }

  /** Whether STS accepts `keys`, trying `attempts` times with doubling waits (new keys take seconds to work). */
  async accepted(keys: Keys, attempts: number): Promise<{ ok: true; tries: number } | { ok: false; tries: number; why: string }> {
    const sts = this.aws.sts(keys);
    let why = '';
    try {
      for (let i = 0; i < attempts; i++) {
        if (i > 0) await sleep(Math.min(this.req.verify.delayMs * 2 ** (i - 1), this.req.verify.delayMs * 4));
        try {
          await sts.send(new GetCallerIdentityCommand({}));
          return { ok: true, tries: i + 1 };
        } catch (err) {
          why = awsFailure(err);
        }
      }
      return { ok: false, tries: attempts, why };
    } finally {
      sts.destroy();
    }
  }

  /** The profile's key, which must be a long-lived key of its own section in the credentials file. */
  async currentKeys(doc: IniDocument): Promise<Keys> {
    const keys = keysIn(doc, this.profile);
    if (!keys) {
      const known = this.files.profiles.has(this.profile);
      throw new InputError(
        known
          ? `profile "${this.profile}" has no access key of its own in ${this.paths.credentials}: rotate the profile that holds it (its source_profile)`
          : `no profile "${this.profile}" in ${this.paths.credentials}`,
      );
    }
    if (!keys.accessKeyId.startsWith('AKIA')) throw new InputError(`profile "${this.profile}" holds a temporary key (${maskKeyId(keys.accessKeyId)}): only long-lived keys (AKIA...) are rotated`);
    const elsewhere = doc.lines.flatMap((l) => (l.kind === 'section' && l.name !== this.profile && keysIn(doc, l.name)?.accessKeyId === keys.accessKeyId ? [l.name] : []));
    if (elsewhere.length) {
      throw new InputError(`the key of profile "${this.profile}" is also in ${elsewhere.map((n) => `"${n}"`).join(', ')}: rotating it would break them; keep it in one profile and use source_profile in the others`);
    }
    return keys;
  }

  /** A kill between CreateAccessKey and the staged write leaves a key whose secret nobody has: delete it. */
  private async dropOrphans(record: RotationRecord | undefined, current: Keys): Promise<void> {
    if (!record || record.oldKeyId !== current.accessKeyId || record.deleteAfter) return;
    const orphans = (await this.listKeys(current)).filter((k) => k.AccessKeyId && k.AccessKeyId !== current.accessKeyId && !record.keysBefore.includes(k.AccessKeyId));
    for (const k of orphans) {
      await this.deleteKey(current, k.AccessKeyId!);
      this.req.say(`deleted ${maskKeyId(k.AccessKeyId!)}: made by an interrupted rotation, its secret was never saved`);
    }
  }

  /** A key kept inactive by an earlier --grace whose time has come is deleted now. */
  private async finishGrace(record: RotationRecord | undefined, current: Keys): Promise<void> {
    if (!record?.deleteAfter) return;
    if (new Date(record.deleteAfter).getTime() > this.req.now.getTime()) return;
    await this.deleteKey(current, record.oldKeyId);
    await dropRecord(this.paths, this.profile);
    this.req.say(`deleted ${maskKeyId(record.oldKeyId)}: the key rotated out earlier, its grace period is over`);
  }

  async run(): Promise<RotateResult> {
    let doc = await this.doc();
    const record = await readRecord(this.paths, this.profile);
    const staged = keysIn(doc, stagedNew(this.profile));
    const previous = keysIn(doc, stagedOld(this.profile));
    if (staged) {
      this.req.say(`resuming an interrupted rotation: ${maskKeyId(staged.accessKeyId)} is staged`);
      return this.fromStaged(await this.currentKeys(doc), staged);
    }
    if (previous) {
      this.req.say(`resuming an interrupted rotation: profile "${this.profile}" already uses the new key`);
      return this.fromSwitched(await this.currentKeys(doc), previous);
    }
    const old = await this.currentKeys(doc);
    await this.dropOrphans(record, old);
    await this.finishGrace(record, old);

    const keysBefore = await this.listKeys(old).catch((err: unknown) => {
      throw new RunError(`cannot list the keys of profile "${this.profile}" (iam:ListAccessKeys): ${awsFailure(err)}; nothing was changed`);
    });
    if (keysBefore.length >= 2) {
      const graced = (await readRecord(this.paths, this.profile))?.deleteAfter;
      throw new InputError(
        `the user of profile "${this.profile}" already has two access keys, ${describeKeys(keysBefore)}, and IAM allows two: ` +
          (graced ? `one is the previous key, kept inactive until ${graced} (--grace); ` : '') +
          'delete the one you no longer use (IAM console > Security credentials, or "aws iam delete-access-key"), then run this again; nothing was changed',
      );
    }
    await writeRecord(this.paths, { profile: this.profile, oldKeyId: old.accessKeyId, keysBefore: keysBefore.map((k) => k.AccessKeyId!) });

    let created: Keys;
    try {
      const out = await this.call(old, (iam) => iam.send(new CreateAccessKeyCommand({})));
      created = { accessKeyId: out.AccessKey!.AccessKeyId!, secretAccessKey: out.AccessKey!.SecretAccessKey! };
    } catch (err) {
      await dropRecord(this.paths, this.profile);
      throw new RunError(`could not create a new key for profile "${this.profile}" (iam:CreateAccessKey): ${awsFailure(err)}; nothing was changed`);
    }
    this.req.say(`created ${maskKeyId(created.accessKeyId)}`);
    try {
      doc = await this.doc();
      setSection(doc, stagedNew(this.profile), { aws_access_key_id: created.accessKeyId, aws_secret_access_key: created.secretAccessKey });
      await writeIniFile(doc);
    } catch (err) {
      await this.deleteKey(old, created.accessKeyId).catch(() => undefined);
      await dropRecord(this.paths, this.profile);
      throw new RunError(`could not write ${this.paths.credentials} (${(err as Error).message}); deleted the new key ${maskKeyId(created.accessKeyId)}, profile "${this.profile}" still uses ${maskKeyId(old.accessKeyId)}`);
    }
    this.req.say(`staged it in ${this.paths.credentials} as [${stagedNew(this.profile)}] (previous file: ${this.paths.credentials}.rampart-bak)`);
    return this.fromStaged(old, created);
  }

  /** Staged: wait for STS, then switch. Failure: delete the new key, unstage, the profile keeps its old key. */
  private async fromStaged(old: Keys, created: Keys): Promise<RotateResult> {
    const check = await this.accepted(created, this.req.verify.attempts);
    if (!check.ok) {
      const rolledBack = await this.unstage(old, created);
      throw new RunError(`STS did not accept the new key ${maskKeyId(created.accessKeyId)} after ${check.tries} tries (${check.why}); rolled back: ${rolledBack}`);
    }
    this.req.say(`STS accepts ${maskKeyId(created.accessKeyId)} (try ${check.tries})`);
    const doc = await this.doc();
    setSection(doc, stagedOld(this.profile), { aws_access_key_id: old.accessKeyId, aws_secret_access_key: old.secretAccessKey });
    setSection(doc, this.profile, { aws_access_key_id: created.accessKeyId, aws_secret_access_key: created.secretAccessKey, aws_session_token: undefined });
    removeSection(doc, stagedNew(this.profile));
    await writeIniFile(doc);
    this.req.say(`profile "${this.profile}" now uses ${maskKeyId(created.accessKeyId)}`);
    return this.fromSwitched(created, old);
  }

  private async unstage(old: Keys, created: Keys): Promise<string> {
    const done: string[] = [];
    try {
      await this.deleteKey(old, created.accessKeyId);
      done.push(`deleted the new key ${maskKeyId(created.accessKeyId)}`);
    } catch (err) {
      done.push(`could NOT delete the new key ${maskKeyId(created.accessKeyId)} (${awsFailure(err)}): it is active, delete it in the IAM console`);
    }
    const doc = await this.doc();
    removeSection(doc, stagedNew(this.profile));
    await writeIniFile(doc);
    await dropRecord(this.paths, this.profile);
    done.push(`profile "${this.profile}" still uses ${maskKeyId(old.accessKeyId)}`);
    return done.join('; ');
  }

  /** Switched: deactivate the old key, verify, delete it (or keep it for --grace), drop the staging section. */
  private async fromSwitched(current: Keys, old: Keys): Promise<RotateResult> {
    try {
      await this.setStatus(current, old.accessKeyId, 'Inactive');
    } catch (err) {
      if (errorCode(err) !== 'NoSuchEntity') {
        const back = await this.switchBack(current, old);
        throw new RunError(`could not deactivate the old key ${maskKeyId(old.accessKeyId)} (iam:UpdateAccessKey): ${awsFailure(err)}; rolled back: ${back}`);
      }
    }
    this.req.say(`deactivated ${maskKeyId(old.accessKeyId)}`);
    const check = await this.accepted(current, this.req.verify.attempts);
    if (!check.ok) {
      await this.setStatus(current, old.accessKeyId, 'Active').catch(() => undefined);
      const back = await this.switchBack(current, old);
      throw new RunError(`profile "${this.profile}" stopped working after the old key was deactivated (${check.why}); rolled back: ${back}`);
    }
    this.req.say(`verified profile "${this.profile}" works`);

    let result: RotateResult;
    let deleteError: string | undefined;
    if (this.req.graceSeconds > 0) {
      const deleteAfter = new Date(this.req.now.getTime() + this.req.graceSeconds * 1000);
      await writeRecord(this.paths, { profile: this.profile, oldKeyId: old.accessKeyId, keysBefore: [], deleteAfter: deleteAfter.toISOString() });
      result = { profile: this.profile, newKey: maskKeyId(current.accessKeyId), oldKey: maskKeyId(old.accessKeyId), oldKeyState: 'inactive', deleteAfter };
      this.req.say(`kept ${maskKeyId(old.accessKeyId)} inactive until ${deleteAfter.toISOString()}: a later "rampart creds rotate" deletes it`);
    } else {
      try {
        await this.deleteKey(current, old.accessKeyId);
        await dropRecord(this.paths, this.profile);
        this.req.say(`deleted ${maskKeyId(old.accessKeyId)}`);
      } catch (err) {
        deleteError = awsFailure(err);
        await writeRecord(this.paths, { profile: this.profile, oldKeyId: old.accessKeyId, keysBefore: [], deleteAfter: this.req.now.toISOString() });
      }
      result = { profile: this.profile, newKey: maskKeyId(current.accessKeyId), oldKey: maskKeyId(old.accessKeyId), oldKeyState: deleteError ? 'inactive' : 'deleted' };
    }
    const doc = await this.doc();
    removeSection(doc, stagedOld(this.profile));
    await writeIniFile(doc);
    if (deleteError) {
      throw new RunError(
        `profile "${this.profile}" now uses ${maskKeyId(current.accessKeyId)} and works; the old key ${maskKeyId(old.accessKeyId)} is inactive but could not be deleted (iam:DeleteAccessKey: ${deleteError}): the next "rampart creds rotate --profile ${this.profile}" deletes it, or delete it in the IAM console`,
      );
    }
    return result;
  }

  /** Puts the old key back in the profile and deletes the new one; says what it managed. */
  private async switchBack(current: Keys, old: Keys): Promise<string> {
    const doc = await this.doc();
    setSection(doc, this.profile, { aws_access_key_id: old.accessKeyId, aws_secret_access_key: old.secretAccessKey });
    removeSection(doc, stagedOld(this.profile));
    await writeIniFile(doc);
    const done = [`profile "${this.profile}" uses ${maskKeyId(old.accessKeyId)} again`];
    try {
      await this.deleteKey(old, current.accessKeyId);
      done.push(`deleted the new key ${maskKeyId(current.accessKeyId)}`);
    } catch (err) {
      done.push(`could NOT delete the new key ${maskKeyId(current.accessKeyId)} (${awsFailure(err)}): two keys are active, delete that one in the IAM console`);
    }
    await dropRecord(this.paths, this.profile);
    return done.join('; ');
  }
}

export async function rotateProfile(env: NodeJS.ProcessEnv, aws: CredsAws, req: RotateRequest): Promise<RotateResult> {
  const files = await loadAwsFiles(env);
  const lock = await acquireLock(join(files.paths.stateDir, 'credentials.lock'), files.paths.credentials, req.lockWaitMs);
  try {
    return await new Rotation(aws, files, req).run();
  } finally {
    await lock.release();
  }
}

/** Profiles whose own long-lived key IAM says is at least `days` old (one ListAccessKeys per profile). */
export async function staleProfiles(env: NodeJS.ProcessEnv, aws: CredsAws, now: Date, days: number): Promise<{ profile: string; ageDays: number }[]> {
  const files = await loadAwsFiles(env);
  const doc = await readIniFile(files.paths.credentials);
  const stale: { profile: string; ageDays: number }[] = [];
  for (const name of files.profiles.keys()) {
    const keys = keysIn(doc, name);
    if (!keys?.accessKeyId.startsWith('AKIA') || name.endsWith('-rampart-new') || name.endsWith('-rampart-old')) continue;
    const rotation = new Rotation(aws, files, { profile: name, graceSeconds: 0, now, verify: { attempts: 1, delayMs: 0 }, lockWaitMs: 0, say: () => undefined });
    const listed = await rotation.listKeys(keys).catch((err: unknown) => {
      throw new RunError(`cannot list the keys of profile "${name}" (iam:ListAccessKeys): ${awsFailure(err)}`);
    });
    const created = listed.find((k) => k.AccessKeyId === keys.accessKeyId)?.CreateDate;
    const ageDays = created ? Math.floor((now.getTime() - created.getTime()) / 86_400_000) : 0;
    if (ageDays >= days) stale.push({ profile: name, ageDays });
  }
  return stale;
}
