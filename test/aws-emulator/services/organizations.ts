// AWS Organizations: awsJson1_1, `AWSOrganizationsV20161128.Op`. Only whether the account is in an organization.
import { ApiError } from '../errors.js';
import type { JsonService } from '../service.js';

export const organizations: JsonService = {
  name: 'organizations',
  signingName: 'organizations',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSOrganizationsV20161128',
  operations: {
    DescribeOrganization(_input, ctx) {
      const org = ctx.world.logging.organization;
      if (!org) throw new ApiError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
      const { partition } = ctx.world.account;
      const management = org.managementAccountId;
      return {
        Organization: {
          Id: org.id,
          Arn: `arn:${partition}:organizations::${management}:organization/${org.id}`,
          FeatureSet: org.featureSet,
          MasterAccountArn: `arn:${partition}:organizations::${management}:account/${org.id}/${management}`,
          MasterAccountId: management,
          MasterAccountEmail: org.managementAccountEmail,
          AvailablePolicyTypes: org.featureSet === 'ALL' ? [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] : [],
        },
      };
    },
  },
};
