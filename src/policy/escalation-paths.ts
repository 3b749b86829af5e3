// Known privilege-escalation paths in IAM: sets of actions that, allowed together, let a principal grant itself more
// than it was given. Facts from public research (Rhino Security Labs' list and AWS's own guidance), written as data.

export interface EscalationPath {
  readonly id: string;
  /** All of these must be allowed. */
  readonly actions: readonly string[];
  readonly explanation: string;
  /** Harmless when every statement granting it is limited to the principal itself (`user/${aws:username}`). */
  readonly selfIsSafe?: boolean;
}

export const ESCALATION_PATHS: readonly EscalationPath[] = [
  { id: 'create-policy-version', actions: ['iam:CreatePolicyVersion'], explanation: 'can write a new default version of a policy attached to itself, granting anything' },
  { id: 'set-default-policy-version', actions: ['iam:SetDefaultPolicyVersion'], explanation: 'can make an older, broader version of its own policy the default' },
  { id: 'attach-user-policy', actions: ['iam:AttachUserPolicy'], explanation: 'can attach AdministratorAccess to itself (or any user)' },
  { id: 'attach-group-policy', actions: ['iam:AttachGroupPolicy'], explanation: 'can attach AdministratorAccess to a group it is in' },
  { id: 'attach-role-policy', actions: ['iam:AttachRolePolicy'], explanation: 'can attach AdministratorAccess to a role it can use' },
  { id: 'put-user-policy', actions: ['iam:PutUserPolicy'], explanation: 'can write an inline policy granting anything to itself' },
  { id: 'put-group-policy', actions: ['iam:PutGroupPolicy'], explanation: 'can write an inline policy granting anything to a group it is in' },
  { id: 'put-role-policy', actions: ['iam:PutRolePolicy'], explanation: 'can write an inline policy granting anything to a role it can use' },
  { id: 'add-user-to-group', actions: ['iam:AddUserToGroup'], explanation: 'can add itself to an administrators group' },
  { id: 'create-access-key', actions: ['iam:CreateAccessKey'], explanation: 'can create access keys for other users, administrators included' , selfIsSafe: true },
  { id: 'create-login-profile', actions: ['iam:CreateLoginProfile'], explanation: 'can set a console password for a user that has none and sign in as them' , selfIsSafe: true },
  { id: 'update-login-profile', actions: ['iam:UpdateLoginProfile'], explanation: "can change another user's console password and sign in as them" , selfIsSafe: true },
  { id: 'update-assume-role-policy', actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], explanation: "can rewrite a privileged role's trust policy to trust itself, then assume it" },
  { id: 'pass-role-ec2', actions: ['iam:PassRole', 'ec2:RunInstances'], explanation: 'can start an instance with a privileged role and use its credentials' },
  { id: 'pass-role-lambda-invoke', actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], explanation: 'can create a function with a privileged role and run it' },
  { id: 'pass-role-lambda-event', actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'], explanation: 'can create a function with a privileged role and have an event source run it' },
  { id: 'update-function-code', actions: ['lambda:UpdateFunctionCode'], explanation: "can replace the code of a function that runs with a privileged role" },
  { id: 'pass-role-cloudformation', actions: ['iam:PassRole', 'cloudformation:CreateStack'], explanation: 'can create a stack with a privileged role that creates whatever it is told' },
  { id: 'pass-role-glue', actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], explanation: 'can create a Glue development endpoint with a privileged role and log in to it' },
  { id: 'update-glue-endpoint', actions: ['glue:UpdateDevEndpoint'], explanation: "can put its own SSH key on an existing Glue endpoint and use the endpoint's role" },
  { id: 'pass-role-datapipeline', actions: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'], explanation: 'can create a pipeline that runs commands with a privileged role' },
  { id: 'pass-role-sagemaker', actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'], explanation: 'can create a notebook with a privileged role and open it' },
  { id: 'pass-role-codebuild', actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'], explanation: 'can create a build project with a privileged role and run commands in it' },
];
