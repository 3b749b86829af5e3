import { IAMClient, GetAccountAuthorizationDetailsCommand, GetAccountSummaryCommand, GenerateCredentialReportCommand, GetCredentialReportCommand, GetAccountPasswordPolicyCommand, ListVirtualMFADevicesCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { S3ControlClient, GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { startEmulator } from './index.js';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const emu = await startEmulator({ scenario: 'test/aws-emulator/scenarios/leaky-account.json' });
const cfg = { endpoint: emu.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIADEVADMIN00000001', secretAccessKey: 'x' }, maxAttempts: 1 };
const iam = new IAMClient(cfg);
const d = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
console.dir({ ...d, $metadata: undefined }, { depth: 6 });
console.dir(await iam.send(new GetAccountSummaryCommand({})), { depth: 5 });
console.log(await iam.send(new GenerateCredentialReportCommand({})));
console.log(await iam.send(new GenerateCredentialReportCommand({})));
const r = await iam.send(new GetCredentialReportCommand({}));
console.log(Buffer.from(r.Content!).toString(), r.GeneratedTime);
try { await iam.send(new GetAccountPasswordPolicyCommand({})); } catch (e) { console.log('pp err', (e as Error).name, (e as Error).message); }
console.dir(await iam.send(new ListVirtualMFADevicesCommand({})), { depth: 5 });
console.dir(await iam.send(new ListUsersCommand({ MaxItems: 1 })), { depth: 5 });
console.log(await new STSClient(cfg).send(new GetCallerIdentityCommand({})));
try { await new AccountClient(cfg).send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' })); } catch (e) { console.log('acct err', (e as Error).name, (e as Error).message); }
try { await new S3ControlClient({ ...cfg, endpointProvider: () => ({ url: new URL(emu.endpoint) }) }).send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' })); } catch (e) { console.log('s3c err', (e as Error).name, (e as Error).message); }
console.log(emu.calls());
await emu.close();
