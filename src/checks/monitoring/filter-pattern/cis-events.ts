// What each monitoring check's metric filter must catch, as CloudTrail events rather than pattern text.
// For every check of CHECKS.md "monitoring": the CIS reference pattern (for the remediation command), one realistic
// event per event CIS names (mustMatch), and events CIS's own pattern leaves out (shouldNotMatch: reads, successes,
// service activity). A filter passes when it catches every mustMatch event; catching a shouldNotMatch event only
// makes it noisier than CIS asks, which the judge reports as a note, not a failure.
//
// Every CIS form listed here (reference and otherCisForms) catches every mustMatch event; the tests hold that, so an
// event is only required when CIS itself requires it. Event lists follow CIS AWS Foundations v3 to v7 (section 4.x
// in v3, 5.x from v5); the patterns are the ones CIS prints.
import type { CloudTrailEvent } from './sample-event.js';
import { cloudTrailEvent, consoleLogin, IAM_USER, ROOT, SAMPLE_ACCOUNT } from './sample-event.js';

export const MONITORING_CHECK_IDS = [
  'alarm-unauthorized-api-calls',
  'alarm-console-login-without-mfa',
  'alarm-root-usage',
  'alarm-iam-policy-changes',
  'alarm-cloudtrail-changes',
  'alarm-console-auth-failures',
  'alarm-kms-cmk-deletion',
  'alarm-s3-bucket-policy-changes',
  'alarm-config-changes',
  'alarm-security-group-changes',
  'alarm-nacl-changes',
  'alarm-network-gateway-changes',
  'alarm-route-table-changes',
  'alarm-vpc-changes',
  'alarm-organizations-changes',
] as const;
export type MonitoringCheckId = (typeof MONITORING_CHECK_IDS)[number];

export interface SampleEvent {
  /** How a judgement names the event: "DetachGroupPolicy (iam.amazonaws.com)". */
  label: string;
  event: CloudTrailEvent;
}

export interface CisEventSpec {
  checkId: MonitoringCheckId;
  /** The CIS v6 item. */
  cis: string;
  /** The pattern CIS prints, for the remediation command. */
  reference: string;
  /** Other patterns CIS has published for the item; each must pass too. */
  otherCisForms: string[];
  mustMatch: SampleEvent[];
  shouldNotMatch: SampleEvent[];
}

// --- Building blocks -----------------------------------------------------------------------------------------------

type Params = Readonly<Record<string, unknown>> | null;

const sample = (label: string, event: CloudTrailEvent): SampleEvent => ({ label, event });

/** One event per name, as the IAM user calling from the CLI: label "Name (source)". */
const calls = (eventSource: string, events: readonly (readonly [string, Params])[]): SampleEvent[] =>
  events.map(([name, requestParameters]) =>
    sample(`${name} (${eventSource})`, cloudTrailEvent(eventSource, name, { requestParameters })),
  );

/** A routine read by an ordinary user: every check's filter should leave it alone, and a catch-all will not. */
const UNRELATED = sample('GetCallerIdentity (sts.amazonaws.com)', cloudTrailEvent('sts.amazonaws.com', 'GetCallerIdentity'));

/** CIS's filters for event lists are ORs of `$.eventName = X`, sometimes scoped by event source. */
const eventNames = (names: readonly string[], source?: string): string => {
  const ors = names.map((n) => `($.eventName = ${n})`).join(' || ');
  return source ? `{ ($.eventSource = ${source}) && (${ors}) }` : `{ ${ors} }`;
};

const POLICY_DOCUMENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-reports/*' }],
});
const POLICY_ARN = `arn:aws:iam::${SAMPLE_ACCOUNT}:policy/deploy`;
const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const KEY_ID = `arn:aws:kms:us-east-1:${SAMPLE_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const BUCKET = { bucketName: 'example-reports', Host: 'example-reports.s3.amazonaws.com' };
const VPC = 'vpc-0a1b2c3d4e5f60718';
const SG = 'sg-0123456789abcdef0';
const ACL = 'acl-0f1e2d3c4b5a69788';
const RTB = 'rtb-0123abcd4567ef890';
const IGW = 'igw-0abc1234def567890';
const PCX = 'pcx-0fedcba9876543210';
const ORG_POLICY = 'p-examplepolicyid111';
const ORG_ROOT = 'r-examplerootid111';
const OU = 'ou-exampleouid-11111111';

// --- The checks, in the order of CHECKS.md -------------------------------------------------------------------------

const IAM_POLICY_EVENTS = [
  ['DeleteGroupPolicy', { groupName: 'developers', policyName: 'inline-reports' }],
  ['DeleteRolePolicy', { roleName: 'app-server', policyName: 'inline-reports' }],
  ['DeleteUserPolicy', { userName: 'bob', policyName: 'inline-reports' }],
  ['PutGroupPolicy', { groupName: 'developers', policyName: 'inline-reports', policyDocument: POLICY_DOCUMENT }],
  ['PutRolePolicy', { roleName: 'app-server', policyName: 'inline-reports', policyDocument: POLICY_DOCUMENT }],
  ['PutUserPolicy', { userName: 'bob', policyName: 'inline-reports', policyDocument: POLICY_DOCUMENT }],
  ['CreatePolicy', { policyName: 'deploy', policyDocument: POLICY_DOCUMENT }],
  ['DeletePolicy', { policyArn: POLICY_ARN }],
  ['CreatePolicyVersion', { policyArn: POLICY_ARN, policyDocument: POLICY_DOCUMENT, setAsDefault: true }],
  ['DeletePolicyVersion', { policyArn: POLICY_ARN, versionId: 'v1' }],
  ['AttachRolePolicy', { roleName: 'app-server', policyArn: ADMIN_POLICY_ARN }],
  ['DetachRolePolicy', { roleName: 'app-server', policyArn: ADMIN_POLICY_ARN }],
  ['AttachUserPolicy', { userName: 'bob', policyArn: ADMIN_POLICY_ARN }],
  ['DetachUserPolicy', { userName: 'bob', policyArn: ADMIN_POLICY_ARN }],
  ['AttachGroupPolicy', { groupName: 'developers', policyArn: ADMIN_POLICY_ARN }],
  ['DetachGroupPolicy', { groupName: 'developers', policyArn: ADMIN_POLICY_ARN }],
] as const;

const CLOUDTRAIL_EVENTS = [
  ['CreateTrail', { name: 'management-events', s3BucketName: 'example-trail-logs', isMultiRegionTrail: true }],
  ['UpdateTrail', { name: 'management-events', isMultiRegionTrail: false }],
  ['DeleteTrail', { name: 'management-events' }],
  ['StartLogging', { name: 'management-events' }],
  ['StopLogging', { name: 'management-events' }],
] as const;

const KMS_EVENTS = [
  ['DisableKey', { keyId: KEY_ID }],
  ['ScheduleKeyDeletion', { keyId: KEY_ID, pendingWindowInDays: 7 }],
] as const;

const S3_EVENTS = [
  ['PutBucketAcl', { ...BUCKET, acl: '' }],
  ['PutBucketPolicy', { ...BUCKET, policy: '' }],
  ['PutBucketCors', { ...BUCKET, cors: '' }],
  ['PutBucketLifecycle', { ...BUCKET, lifecycle: '' }],
  ['PutBucketReplication', { ...BUCKET, replication: '' }],
  ['DeleteBucketPolicy', { ...BUCKET, policy: '' }],
  ['DeleteBucketCors', { ...BUCKET, cors: '' }],
  ['DeleteBucketLifecycle', { ...BUCKET, lifecycle: '' }],
  ['DeleteBucketReplication', { ...BUCKET, replication: '' }],
] as const;

const CONFIG_EVENTS = [
  ['StopConfigurationRecorder', { configurationRecorderName: 'default' }],
  ['DeleteDeliveryChannel', { deliveryChannelName: 'default' }],
  ['PutDeliveryChannel', { deliveryChannel: { name: 'default', s3BucketName: 'example-config' } }],
  [
    'PutConfigurationRecorder',
    { configurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${SAMPLE_ACCOUNT}:role/config`, recordingGroup: { allSupported: true } } },
  ],
] as const;

const SSH_FROM_ANYWHERE = { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] };
const SECURITY_GROUP_EVENTS = [
  ['AuthorizeSecurityGroupIngress', { groupId: SG, ipPermissions: SSH_FROM_ANYWHERE }],
  ['AuthorizeSecurityGroupEgress', { groupId: SG, ipPermissions: SSH_FROM_ANYWHERE }],
  ['RevokeSecurityGroupIngress', { groupId: SG, ipPermissions: SSH_FROM_ANYWHERE }],
  ['RevokeSecurityGroupEgress', { groupId: SG, ipPermissions: SSH_FROM_ANYWHERE }],
  ['CreateSecurityGroup', { groupName: 'web', groupDescription: 'web servers', vpcId: VPC }],
  ['DeleteSecurityGroup', { groupId: SG }],
  // Added to the CIS list in v7. Required here anyway: it edits rules in place (0.0.0.0/0 to port 22 included)
  // without any of the six events above, so a filter without it has a blind spot for exactly what 5.10 is about.
  [
    'ModifySecurityGroupRules',
    {
      ModifySecurityGroupRulesRequest: {
        GroupId: SG,
        SecurityGroupRule: { SecurityGroupRuleId: 'sgr-0123456789abcdef0', SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0' } },
      },
    },
  ],
] as const;

const NACL_EVENTS = [
  ['CreateNetworkAcl', { vpcId: VPC }],
  ['CreateNetworkAclEntry', { networkAclId: ACL, ruleNumber: 100, egress: false, ruleAction: 'allow', aclProtocol: '6', cidrBlock: '0.0.0.0/0', portRange: { from: 22, to: 22 } }],
  ['DeleteNetworkAcl', { networkAclId: ACL }],
  ['DeleteNetworkAclEntry', { networkAclId: ACL, ruleNumber: 100, egress: false }],
  ['ReplaceNetworkAclEntry', { networkAclId: ACL, ruleNumber: 100, egress: false, ruleAction: 'allow', aclProtocol: '-1', cidrBlock: '0.0.0.0/0' }],
  ['ReplaceNetworkAclAssociation', { associationId: 'aclassoc-0a1b2c3d4e5f60718', networkAclId: ACL }],
] as const;

const GATEWAY_EVENTS = [
  ['CreateCustomerGateway', { type: 'ipsec.1', ipAddress: '198.51.100.7', bgpAsn: 65000 }],
  ['DeleteCustomerGateway', { customerGatewayId: 'cgw-0e11f167' }],
  ['AttachInternetGateway', { internetGatewayId: IGW, vpcId: VPC }],
  ['CreateInternetGateway', {}],
  ['DeleteInternetGateway', { internetGatewayId: IGW }],
  ['DetachInternetGateway', { internetGatewayId: IGW, vpcId: VPC }],
] as const;

const ROUTE_TABLE_EVENTS = [
  ['CreateRoute', { routeTableId: RTB, destinationCidrBlock: '0.0.0.0/0', gatewayId: IGW }],
  ['CreateRouteTable', { vpcId: VPC }],
  ['ReplaceRoute', { routeTableId: RTB, destinationCidrBlock: '0.0.0.0/0', gatewayId: IGW }],
  ['ReplaceRouteTableAssociation', { associationId: 'rtbassoc-0a1b2c3d4e5f60718', routeTableId: RTB }],
  ['DeleteRouteTable', { routeTableId: RTB }],
  ['DeleteRoute', { routeTableId: RTB, destinationCidrBlock: '0.0.0.0/0' }],
  ['DisassociateRouteTable', { associationId: 'rtbassoc-0a1b2c3d4e5f60718' }],
] as const;

// The ClassicLink calls are retired, but CIS still names them and an old pattern without them would still be wrong.
const VPC_EVENTS = [
  ['CreateVpc', { cidrBlock: '10.0.0.0/16' }],
  ['DeleteVpc', { vpcId: VPC }],
  ['ModifyVpcAttribute', { vpcId: VPC, enableDnsHostnames: { value: true } }],
  ['AcceptVpcPeeringConnection', { vpcPeeringConnectionId: PCX }],
  ['CreateVpcPeeringConnection', { vpcId: VPC, peerVpcId: 'vpc-0b2c3d4e5f6071829', peerOwnerId: '210987654321' }],
  ['DeleteVpcPeeringConnection', { vpcPeeringConnectionId: PCX }],
  ['RejectVpcPeeringConnection', { vpcPeeringConnectionId: PCX }],
  ['AttachClassicLinkVpc', { instanceId: 'i-0123456789abcdef0', vpcId: VPC, groupSet: { items: [{ groupId: SG }] } }],
  ['DetachClassicLinkVpc', { instanceId: 'i-0123456789abcdef0', vpcId: VPC }],
  ['DisableVpcClassicLink', { vpcId: VPC }],
  ['EnableVpcClassicLink', { vpcId: VPC }],
] as const;

const ORGANIZATIONS_EVENTS = [
  ['AcceptHandshake', { handshakeId: 'h-examplehandshakeid111' }],
  ['AttachPolicy', { policyId: ORG_POLICY, targetId: OU }],
  ['CreateAccount', { accountName: 'sandbox', email: 'aws-sandbox@example.com' }],
  ['CreateOrganizationalUnit', { parentId: ORG_ROOT, name: 'Workloads' }],
  ['CreatePolicy', { name: 'deny-leave', type: 'SERVICE_CONTROL_POLICY', content: POLICY_DOCUMENT }],
  ['DeclineHandshake', { handshakeId: 'h-examplehandshakeid111' }],
  ['DeleteOrganization', null],
  ['DeleteOrganizationalUnit', { organizationalUnitId: OU }],
  ['DeletePolicy', { policyId: ORG_POLICY }],
  ['DetachPolicy', { policyId: ORG_POLICY, targetId: OU }],
  ['DisablePolicyType', { rootId: ORG_ROOT, policyType: 'SERVICE_CONTROL_POLICY' }],
  ['EnablePolicyType', { rootId: ORG_ROOT, policyType: 'SERVICE_CONTROL_POLICY' }],
  ['InviteAccountToOrganization', { target: { type: 'ACCOUNT', id: '210987654321' } }],
  ['LeaveOrganization', null],
  ['MoveAccount', { accountId: '210987654321', sourceParentId: ORG_ROOT, destinationParentId: OU }],
  ['RemoveAccountFromOrganization', { accountId: '210987654321' }],
  ['UpdatePolicy', { policyId: ORG_POLICY, content: POLICY_DOCUMENT }],
  ['UpdateOrganizationalUnit', { organizationalUnitId: OU, name: 'Production' }],
] as const;

const names = (events: readonly (readonly [string, Params])[]): string[] => events.map(([n]) => n);

const SPECS: readonly CisEventSpec[] = [
  {
    checkId: 'alarm-unauthorized-api-calls',
    cis: 'CIS 5.1',
    // v3+: && binds tighter than ||, so the two exclusions apply to AccessDenied* only (as CIS intends: S3 HeadBucket
    // probes and log delivery produce AccessDenied noise, not UnauthorizedOperation).
    reference:
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ' +
      '($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
    otherCisForms: [
      // v1.2 to v1.4: no exclusions. Catches everything required; the HeadBucket and delivery noise shows as over-broad.
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
      // v1.5: printed with || throughout, which matches nearly every event. It catches the required ones, so it
      // passes, and the judge's over-broad note says what else it counts.
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") || ' +
        '($.sourceIPAddress!="delivery.logs.amazonaws.com") || ($.eventName!="HeadBucket") }',
    ],
    mustMatch: [
      sample(
        'Client.UnauthorizedOperation on RunInstances (ec2.amazonaws.com)',
        cloudTrailEvent('ec2.amazonaws.com', 'RunInstances', {
          errorCode: 'Client.UnauthorizedOperation',
          errorMessage: 'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ec2:RunInstances',
          requestParameters: { instanceType: 't3.micro', instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1 }] } },
        }),
      ),
      sample(
        'AccessDenied on ListUsers (iam.amazonaws.com)',
        cloudTrailEvent('iam.amazonaws.com', 'ListUsers', {
          errorCode: 'AccessDenied',
          errorMessage: 'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/',
        }),
      ),
      sample(
        'AccessDeniedException on Decrypt (kms.amazonaws.com)',
        cloudTrailEvent('kms.amazonaws.com', 'Decrypt', {
          errorCode: 'AccessDeniedException',
          errorMessage: `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: kms:Decrypt on resource: ${KEY_ID}`,
          requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
        }),
      ),
    ],
    shouldNotMatch: [
      UNRELATED,
      sample(
        'NoSuchEntityException on GetUser (iam.amazonaws.com)',
        cloudTrailEvent('iam.amazonaws.com', 'GetUser', {
          errorCode: 'NoSuchEntityException',
          errorMessage: 'The user with name carol cannot be found.',
          requestParameters: { userName: 'carol' },
        }),
      ),
      sample(
        'AccessDenied on HeadBucket (s3.amazonaws.com)',
        cloudTrailEvent('s3.amazonaws.com', 'HeadBucket', { errorCode: 'AccessDenied', errorMessage: 'Access Denied', requestParameters: BUCKET }),
      ),
      sample(
        'AccessDenied for log delivery (delivery.logs.amazonaws.com)',
        cloudTrailEvent('s3.amazonaws.com', 'GetBucketAcl', {
          identity: { type: 'AWSService', invokedBy: 'delivery.logs.amazonaws.com' },
          sourceIPAddress: 'delivery.logs.amazonaws.com',
          userAgent: 'delivery.logs.amazonaws.com',
          errorCode: 'AccessDenied',
          errorMessage: 'Access Denied',
          requestParameters: { ...BUCKET, acl: '' },
        }),
      ),
    ],
  },
  {
    checkId: 'alarm-console-login-without-mfa',
    cis: 'CIS 5.2',
    reference: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    // CIS offers this narrower form to spare SSO sign-ins (which report MFAUsed No) and failed attempts. Since CIS
    // accepts it, only a successful IAM-user sign-in without MFA is required; root and failed sign-ins are not.
    otherCisForms: [
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ' +
        '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    ],
    // CloudTrail writes MFAUsed "Yes" or "No" on every ConsoleLogin, so `MFAUsed = "No"` selects the same events as
    // `MFAUsed != "Yes"` (and `!=` does not match an absent field either; see match.ts). Both pass.
    mustMatch: [
      sample('ConsoleLogin without MFA (IAMUser, signin.amazonaws.com)', consoleLogin({ identity: IAM_USER, mfaUsed: 'No', success: true })),
    ],
    shouldNotMatch: [
      UNRELATED,
      sample('ConsoleLogin with MFA (IAMUser, signin.amazonaws.com)', consoleLogin({ identity: IAM_USER, mfaUsed: 'Yes', success: true })),
      sample('ConsoleLogin with MFA (Root, signin.amazonaws.com)', consoleLogin({ identity: ROOT, mfaUsed: 'Yes', success: true })),
    ],
  },
  {
    checkId: 'alarm-root-usage',
    cis: 'CIS 5.3',
    reference: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    otherCisForms: [],
    // CIS's intent is "someone used root". A filter without the invokedBy / AwsServiceEvent exclusions still catches
    // every use (pass) and also counts what AWS services do on root's behalf (the over-broad note).
    mustMatch: [
      sample('ConsoleLogin by root (signin.amazonaws.com)', consoleLogin({ identity: ROOT, mfaUsed: 'Yes', success: true })),
      sample(
        'CreateAccessKey by root (iam.amazonaws.com)',
        cloudTrailEvent('iam.amazonaws.com', 'CreateAccessKey', {
          identity: ROOT,
          responseElements: { accessKey: { userName: 'root', status: 'Active', createDate: 'Jun 15, 2026 10:00:00 AM' } },
        }),
      ),
      sample('ListBuckets by root (s3.amazonaws.com)', cloudTrailEvent('s3.amazonaws.com', 'ListBuckets', { identity: ROOT, requestParameters: { Host: 's3.us-east-1.amazonaws.com' } })),
    ],
    shouldNotMatch: [
      UNRELATED,
      sample(
        'root call made by an AWS service (invokedBy trustedadvisor.amazonaws.com)',
        cloudTrailEvent('iam.amazonaws.com', 'ListAccountAliases', {
          identity: { ...ROOT, invokedBy: 'trustedadvisor.amazonaws.com' },
          sourceIPAddress: 'trustedadvisor.amazonaws.com',
          userAgent: 'trustedadvisor.amazonaws.com',
        }),
      ),
      sample(
        'AwsServiceEvent for root (CredentialVerification, signin.amazonaws.com)',
        cloudTrailEvent('signin.amazonaws.com', 'CredentialVerification', {
          identity: ROOT,
          eventType: 'AwsServiceEvent',
          additionalEventData: { CredentialType: 'PASSWORD' },
          responseElements: null,
        }),
      ),
      sample('CreateAccessKey by an IAM user (iam.amazonaws.com)', cloudTrailEvent('iam.amazonaws.com', 'CreateAccessKey', { requestParameters: { userName: 'alice' } })),
    ],
  },
  {
    checkId: 'alarm-iam-policy-changes',
    cis: 'CIS 5.4',
    reference: `{${names(IAM_POLICY_EVENTS).map((n) => `($.eventName=${n})`).join('||')}}`,
    otherCisForms: [],
    // CIS does not name SetDefaultPolicyVersion, so it is not required (a filter that adds it is welcome).
    mustMatch: calls('iam.amazonaws.com', IAM_POLICY_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('iam.amazonaws.com', [
        ['GetPolicy', { policyArn: POLICY_ARN }],
        ['ListAttachedRolePolicies', { roleName: 'app-server' }],
        ['GetUserPolicy', { userName: 'bob', policyName: 'inline-reports' }],
      ]),
    ],
  },
  {
    checkId: 'alarm-cloudtrail-changes',
    cis: 'CIS 5.5',
    reference: eventNames(names(CLOUDTRAIL_EVENTS)),
    otherCisForms: [],
    mustMatch: calls('cloudtrail.amazonaws.com', CLOUDTRAIL_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('cloudtrail.amazonaws.com', [
        ['DescribeTrails', { trailNameList: [], includeShadowTrails: true }],
        ['GetTrailStatus', { name: 'management-events' }],
        ['LookupEvents', { maxResults: 50 }],
      ]),
    ],
  },
  {
    checkId: 'alarm-console-auth-failures',
    cis: 'CIS 5.6',
    reference: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    otherCisForms: [],
    mustMatch: [
      sample('failed ConsoleLogin (IAMUser, signin.amazonaws.com)', consoleLogin({ identity: IAM_USER, mfaUsed: 'No', success: false })),
      sample('failed ConsoleLogin (Root, signin.amazonaws.com)', consoleLogin({ identity: ROOT, mfaUsed: 'No', success: false })),
    ],
    shouldNotMatch: [
      UNRELATED,
      sample('successful ConsoleLogin (IAMUser, signin.amazonaws.com)', consoleLogin({ identity: IAM_USER, mfaUsed: 'Yes', success: true })),
    ],
  },
  {
    checkId: 'alarm-kms-cmk-deletion',
    cis: 'CIS 5.7',
    reference: '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
    otherCisForms: [],
    mustMatch: calls('kms.amazonaws.com', KMS_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('kms.amazonaws.com', [
        ['EnableKey', { keyId: KEY_ID }],
        ['CancelKeyDeletion', { keyId: KEY_ID }],
        ['DescribeKey', { keyId: KEY_ID }],
      ]),
    ],
  },
  {
    checkId: 'alarm-s3-bucket-policy-changes',
    cis: 'CIS 5.8',
    reference: eventNames(names(S3_EVENTS), 's3.amazonaws.com'),
    otherCisForms: [],
    mustMatch: calls('s3.amazonaws.com', S3_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('s3.amazonaws.com', [
        ['GetBucketPolicy', { ...BUCKET, policy: '' }],
        ['GetBucketAcl', { ...BUCKET, acl: '' }],
      ]),
    ],
  },
  {
    checkId: 'alarm-config-changes',
    cis: 'CIS 5.9',
    reference:
      '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||' +
      '($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }',
    otherCisForms: [],
    mustMatch: calls('config.amazonaws.com', CONFIG_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('config.amazonaws.com', [
        ['DescribeConfigurationRecorders', null],
        ['DescribeDeliveryChannels', null],
      ]),
    ],
  },
  {
    checkId: 'alarm-security-group-changes',
    cis: 'CIS 5.10',
    reference: eventNames(names(SECURITY_GROUP_EVENTS)),
    otherCisForms: [],
    mustMatch: calls('ec2.amazonaws.com', SECURITY_GROUP_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('ec2.amazonaws.com', [
        ['DescribeSecurityGroups', { securityGroupIdSet: { items: [{ groupId: SG }] } }],
        ['DescribeSecurityGroupRules', { DescribeSecurityGroupRulesRequest: { Filter: { Name: 'group-id', Value: SG } } }],
      ]),
    ],
  },
  {
    checkId: 'alarm-nacl-changes',
    cis: 'CIS 5.11',
    reference: eventNames(names(NACL_EVENTS)),
    otherCisForms: [],
    mustMatch: calls('ec2.amazonaws.com', NACL_EVENTS),
    shouldNotMatch: [UNRELATED, ...calls('ec2.amazonaws.com', [['DescribeNetworkAcls', { networkAclIdSet: {} }]])],
  },
  {
    checkId: 'alarm-network-gateway-changes',
    cis: 'CIS 5.12',
    reference: eventNames(names(GATEWAY_EVENTS)),
    otherCisForms: [],
    mustMatch: calls('ec2.amazonaws.com', GATEWAY_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('ec2.amazonaws.com', [
        ['DescribeInternetGateways', { internetGatewayIdSet: {} }],
        ['DescribeCustomerGateways', { customerGatewaySet: {} }],
      ]),
    ],
  },
  {
    checkId: 'alarm-route-table-changes',
    cis: 'CIS 5.13',
    reference: eventNames(names(ROUTE_TABLE_EVENTS)),
    // v3 printed the event source with no parentheses around the ORs, so by precedence it scopes CreateRoute only.
    // By meaning it still catches every route table change.
    otherCisForms: [
      '{($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ' +
        '($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ' +
        '($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }',
    ],
    mustMatch: calls('ec2.amazonaws.com', ROUTE_TABLE_EVENTS),
    shouldNotMatch: [UNRELATED, ...calls('ec2.amazonaws.com', [['DescribeRouteTables', { routeTableIdSet: {} }]])],
  },
  {
    checkId: 'alarm-vpc-changes',
    cis: 'CIS 5.14',
    reference: eventNames(names(VPC_EVENTS)),
    otherCisForms: [],
    mustMatch: calls('ec2.amazonaws.com', VPC_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('ec2.amazonaws.com', [
        ['DescribeVpcs', { vpcSet: {} }],
        ['DescribeVpcPeeringConnections', { vpcPeeringConnectionIdSet: {} }],
      ]),
    ],
  },
  {
    checkId: 'alarm-organizations-changes',
    cis: 'CIS 5.15',
    reference: `{ ($.eventSource = organizations.amazonaws.com) && (${names(ORGANIZATIONS_EVENTS)
      .map((n) => `($.eventName = "${n}")`)
      .join(' || ')}) }`,
    otherCisForms: [],
    mustMatch: calls('organizations.amazonaws.com', ORGANIZATIONS_EVENTS),
    shouldNotMatch: [
      UNRELATED,
      ...calls('organizations.amazonaws.com', [
        ['DescribeOrganization', null],
        ['ListAccounts', null],
      ]),
      // Same event name, other service: the CIS pattern scopes by event source for exactly this.
      ...calls('iam.amazonaws.com', [['CreatePolicy', { policyName: 'deploy', policyDocument: POLICY_DOCUMENT }]]),
    ],
  },
];

export const CIS_EVENTS: Readonly<Record<MonitoringCheckId, CisEventSpec>> = Object.fromEntries(
  SPECS.map((s) => [s.checkId, s]),
) as Record<MonitoringCheckId, CisEventSpec>;
