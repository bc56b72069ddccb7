/**
 * The AWS setup of the change feed as CloudFormation (`pipetop events template`, docs/events.md):
 *
 * - the central template, for the account that holds the queues: an event bus that every account
 *   of the organisation may send to (a bus policy on aws:PrincipalOrgID), a rule on it for
 *   CodePipeline's three state-change events with one SQS queue per consumer (SQS hands each
 *   message to one reader: each console needs its own queue), each queue's policy letting only
 *   that rule send, and a service-managed StackSet that puts the member template in every
 *   account of the given organisational units, in each region;
 * - the member template: in one account and region, a rule on the default bus forwarding the
 *   same events to the central bus, through a role EventBridge assumes to put them there.
 */

type Json = string | number | boolean | Json[] | {[key: string]: Json};

export type TemplateOptions = {orgId?: string; consumers: string[]; regions: string[]};

const PATTERN = {
	source: ['aws.codepipeline'],
	'detail-type': ['CodePipeline Pipeline Execution State Change', 'CodePipeline Stage Execution State Change', 'CodePipeline Action Execution State Change'],
};

/** A rule takes at most five targets: more consumers get more rules. */
const TARGETS_PER_RULE = 5;
const ref = (name: string): Json => ({Ref: name});
const arnOf = (name: string): Json => ({'Fn::GetAtt': [name, 'Arn']});

/** `alice-ops` → `AliceOps`: logical ids are alphanumeric. */
export function logicalName(consumer: string): string {
	return consumer
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map(part => part[0].toUpperCase() + part.slice(1))
		.join('');
}

export function memberTemplate(): Record<string, Json> {
	return {
		AWSTemplateFormatVersion: '2010-09-09',
		Description: 'pipetop: forwards CodePipeline state-change events of this account and region to the central event bus',
		Parameters: {
			CentralEventBusArn: {Type: 'String', Description: 'The central bus (the central stack\'s EventBusArn output)', AllowedPattern: '^arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/.+$'},
		},
		Resources: {
			ForwardRole: {
				Type: 'AWS::IAM::Role',
				Properties: {
					AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 'events.amazonaws.com'}, Action: 'sts:AssumeRole'}]},
					Policies: [{PolicyName: 'put-events-to-central-bus', PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'events:PutEvents', Resource: ref('CentralEventBusArn')}]}}],
				},
			},
			ForwardRule: {
				Type: 'AWS::Events::Rule',
				Properties: {
					Description: 'CodePipeline state changes to the central bus (pipetop)',
					EventPattern: PATTERN,
					State: 'ENABLED',
					Targets: [{Id: 'central-bus', Arn: ref('CentralEventBusArn'), RoleArn: arnOf('ForwardRole')}],
				},
			},
		},
	};
}

export function centralTemplate(options: TemplateOptions): Record<string, Json> {
	const resources: Record<string, Json> = {
		EventBus: {Type: 'AWS::Events::EventBus', Properties: {Name: 'pipetop-codepipeline'}},
		EventBusPolicy: {
			Type: 'AWS::Events::EventBusPolicy',
			Properties: {
				EventBusName: ref('EventBus'),
				StatementId: 'organisation-puts-events',
				Statement: {Effect: 'Allow', Principal: '*', Action: 'events:PutEvents', Resource: arnOf('EventBus'), Condition: {StringEquals: {'aws:PrincipalOrgID': ref('OrganizationId')}}},
			},
		},
	};
	const outputs: Record<string, Json> = {EventBusArn: {Description: 'The central bus: the member stacks forward to it', Value: arnOf('EventBus')}};
	const rules: Array<{name: string; targets: Json[]}> = [];
	options.consumers.forEach((consumer, index) => {
		const name = logicalName(consumer);
		const rule = `Rule${index < TARGETS_PER_RULE ? '' : Math.floor(index / TARGETS_PER_RULE) + 1}`;
		if (index % TARGETS_PER_RULE === 0) rules.push({name: rule, targets: []});
		rules.at(-1)?.targets.push({Id: consumer, Arn: arnOf(`Queue${name}`)});
		resources[`Queue${name}`] = {
			Type: 'AWS::SQS::Queue',
			Properties: {QueueName: `pipetop-${consumer}`, MessageRetentionPeriod: 345_600, ReceiveMessageWaitTimeSeconds: 20, SqsManagedSseEnabled: true},
		};
		resources[`QueuePolicy${name}`] = {
			Type: 'AWS::SQS::QueuePolicy',
			Properties: {
				Queues: [ref(`Queue${name}`)],
				PolicyDocument: {
					Version: '2012-10-17',
					Statement: [{Sid: 'central-rule-sends', Effect: 'Allow', Principal: {Service: 'events.amazonaws.com'}, Action: 'sqs:SendMessage', Resource: arnOf(`Queue${name}`), Condition: {ArnEquals: {'aws:SourceArn': arnOf(rule)}}}],
				},
			},
		};
		outputs[`QueueUrl${name}`] = {Description: `pipetop --events for ${consumer}`, Value: ref(`Queue${name}`)};
	});
	for (const rule of rules) {
		resources[rule.name] = {Type: 'AWS::Events::Rule', Properties: {Description: 'CodePipeline state changes to the pipetop queues', EventBusName: ref('EventBus'), EventPattern: PATTERN, State: 'ENABLED', Targets: rule.targets}};
	}
	resources.MemberStackSet = {
		Type: 'AWS::CloudFormation::StackSet',
		Properties: {
			StackSetName: 'pipetop-codepipeline-forwarding',
			Description: 'pipetop: each member account forwards its CodePipeline events to the central bus',
			PermissionModel: 'SERVICE_MANAGED',
			AutoDeployment: {Enabled: true, RetainStacksOnAccountRemoval: false},
			Capabilities: ['CAPABILITY_IAM'],
			CallAs: ref('CallAs'),
			Parameters: [{ParameterKey: 'CentralEventBusArn', ParameterValue: arnOf('EventBus')}],
			StackInstancesGroup: [{DeploymentTargets: {OrganizationalUnitIds: ref('OrganizationalUnitIds')}, Regions: options.regions.length > 0 ? options.regions : [ref('AWS::Region')]}],
			TemplateBody: JSON.stringify(memberTemplate()),
		},
	};
	return {
		AWSTemplateFormatVersion: '2010-09-09',
		Description: 'pipetop: the central bus, one SQS queue per console, and the StackSet that forwards every member account\'s CodePipeline events',
		Parameters: {
			OrganizationId: {Type: 'String', Description: 'Your organisation (aws organizations describe-organization)', AllowedPattern: '^o-[a-z0-9]{10,32}$', ...(options.orgId && {Default: options.orgId})},
			OrganizationalUnitIds: {Type: 'CommaDelimitedList', Description: 'Where the member stacks go: the root (r-...) for every account, or some OUs (ou-...)'},
			CallAs: {Type: 'String', Description: 'SELF from the management account, DELEGATED_ADMIN from a delegated administrator', AllowedValues: ['SELF', 'DELEGATED_ADMIN'], Default: 'SELF'},
		},
		Resources: resources,
		Outputs: outputs,
	};
}
