/**
 * `pipetop events template`: the CloudFormation that sets the change feed up, read back as AWS
 * would: which resources, of which types, with which properties, every Ref and GetAtt naming
 * something the template has; the YAML says the same as the JSON; and cfn-lint (on this machine's
 * image, from pip) finds nothing wrong with either template.
 */

import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {promisify} from 'node:util';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {CommandContext} from '../../source/app/context.js';
import {eventsCommand} from '../../source/commands/events.js';
import {UsageError} from '../../source/config/usage-error.js';
import {DEFAULT_FLAGS} from '../helpers/fleet-harness.js';

const run = promisify(execFile);
type Template = {Parameters: Record<string, any>; Resources: Record<string, {Type: string; Properties: Record<string, any>}>; Outputs?: Record<string, any>};

async function template(args: string[], flags: Partial<CommandContext['flags']> = {}): Promise<string> {
	const stdout = new PassThrough();
	let text = '';
	stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
	const context: CommandContext = {args: ['template', ...args], flags: {...DEFAULT_FLAGS, ...flags}, stdout: stdout as unknown as NodeJS.WriteStream, stderr: process.stderr, stdin: process.stdin, env: {}};
	expect(await eventsCommand(context)).toBe(0);
	return text;
}

const parsed = async (flags: Partial<CommandContext['flags']>): Promise<Template> => JSON.parse(await template([], {...flags, json: true})) as Template;

/** Every {Ref} and {Fn::GetAtt} in the template, with what it names. */
function references(value: unknown, out: Array<{kind: 'Ref' | 'GetAtt'; name: string}> = []): typeof out {
	if (Array.isArray(value)) for (const item of value) references(item, out);
	else if (value && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) {
			if (key === 'Ref') out.push({kind: 'Ref', name: item as string});
			else if (key === 'Fn::GetAtt') out.push({kind: 'GetAtt', name: (item as string[])[0]});
			else references(item, out);
		}
	}
	return out;
}

function expectReferencesResolve(document: Template): void {
	const refs = references(document.Resources).concat(references(document.Outputs ?? {}));
	expect(refs.length).toBeGreaterThan(0);
	for (const {kind, name} of refs) {
		const known = name in document.Resources || (kind === 'Ref' && (name in document.Parameters || name.startsWith('AWS::')));
		expect(known, `${kind} ${name}`).toBe(true);
	}
}

const byType = (document: Template, type: string) => Object.entries(document.Resources).filter(([, resource]) => resource.Type === type);

let dir = '';
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'pipetop-cfn-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

test('the central template: an organisation bus, a rule for CodePipeline events with one queue per consumer, queue policies, the member StackSet', async () => {
	const document = await parsed({orgId: 'o-a1b2c3d4e5', consumers: 'alice,bob', regions: 'eu-west-1,us-east-1'});
	expectReferencesResolve(document);
	expect(document.Parameters.OrganizationId.Default).toBe('o-a1b2c3d4e5');
	const [[busName]] = byType(document, 'AWS::Events::EventBus');
	const [[, policy]] = byType(document, 'AWS::Events::EventBusPolicy');
	expect(policy.Properties).toMatchObject({EventBusName: {Ref: busName}, Statement: {Effect: 'Allow', Action: 'events:PutEvents', Principal: '*', Condition: {StringEquals: {'aws:PrincipalOrgID': {Ref: 'OrganizationId'}}}}});
	const queues = byType(document, 'AWS::SQS::Queue');
	expect(queues.map(([, queue]) => queue.Properties.QueueName)).toEqual(['pipetop-alice', 'pipetop-bob']);
	const rules = byType(document, 'AWS::Events::Rule');
	expect(rules).toHaveLength(1);
	const [[ruleName, rule]] = rules;
	expect(rule.Properties).toMatchObject({EventBusName: {Ref: busName}, State: 'ENABLED', EventPattern: {source: ['aws.codepipeline']}});
	expect(rule.Properties.EventPattern['detail-type']).toHaveLength(3);
	expect(rule.Properties.Targets.map((target: any) => target.Arn['Fn::GetAtt'][0])).toEqual(queues.map(([name]) => name));
	// Each queue lets only the central rule send.
	const policies = byType(document, 'AWS::SQS::QueuePolicy');
	expect(policies.map(([, queuePolicy]) => queuePolicy.Properties.Queues[0].Ref)).toEqual(queues.map(([name]) => name));
	for (const [, queuePolicy] of policies) {
		expect(queuePolicy.Properties.PolicyDocument.Statement).toEqual([
			expect.objectContaining({Effect: 'Allow', Principal: {Service: 'events.amazonaws.com'}, Action: 'sqs:SendMessage', Condition: {ArnEquals: {'aws:SourceArn': {'Fn::GetAtt': [ruleName, 'Arn']}}}}),
		]);
	}
	expect(Object.values(document.Outputs ?? {}).map(output => output.Value)).toEqual(expect.arrayContaining(queues.map(([name]) => ({Ref: name}))));
	// The member accounts' rules, in each region asked for, forwarding to this bus.
	const [[, stackSet]] = byType(document, 'AWS::CloudFormation::StackSet');
	expect(stackSet.Properties).toMatchObject({PermissionModel: 'SERVICE_MANAGED', AutoDeployment: {Enabled: true}, Capabilities: ['CAPABILITY_IAM']});
	expect(stackSet.Properties.StackInstancesGroup).toEqual([{DeploymentTargets: {OrganizationalUnitIds: {Ref: 'OrganizationalUnitIds'}}, Regions: ['eu-west-1', 'us-east-1']}]);
	expect(stackSet.Properties.Parameters).toEqual([{ParameterKey: 'CentralEventBusArn', ParameterValue: {'Fn::GetAtt': [busName, 'Arn']}}]);
	expect(JSON.parse(stackSet.Properties.TemplateBody)).toEqual(await parsed({member: true}));
});

test('the member template forwards CodePipeline events from the default bus to the central bus through a role', async () => {
	const document = await parsed({member: true});
	expectReferencesResolve(document);
	const [[, rule]] = byType(document, 'AWS::Events::Rule');
	expect(rule.Properties.EventBusName).toBeUndefined();
	expect(rule.Properties.EventPattern.source).toEqual(['aws.codepipeline']);
	const [[roleName, role]] = byType(document, 'AWS::IAM::Role');
	expect(rule.Properties.Targets).toEqual([{Id: 'central-bus', Arn: {Ref: 'CentralEventBusArn'}, RoleArn: {'Fn::GetAtt': [roleName, 'Arn']}}]);
	expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({Service: 'events.amazonaws.com'});
	expect(role.Properties.Policies[0].PolicyDocument.Statement[0]).toEqual({Effect: 'Allow', Action: 'events:PutEvents', Resource: {Ref: 'CentralEventBusArn'}});
});

test('more than five consumers get a second rule (a rule has at most five targets), each queue bound to its own', async () => {
	const consumers = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'];
	const document = await parsed({consumers: consumers.join(',')});
	expectReferencesResolve(document);
	const rules = byType(document, 'AWS::Events::Rule');
	expect(rules.map(([, rule]) => rule.Properties.Targets.length)).toEqual([5, 2]);
	for (const [ruleName, rule] of rules) {
		for (const target of rule.Properties.Targets) {
			const queue = target.Arn['Fn::GetAtt'][0];
			const [, policy] = byType(document, 'AWS::SQS::QueuePolicy').find(([, each]) => each.Properties.Queues[0].Ref === queue)!;
			expect(policy.Properties.PolicyDocument.Statement[0].Condition.ArnEquals['aws:SourceArn']).toEqual({'Fn::GetAtt': [ruleName, 'Arn']});
		}
	}
	// Without --org-id the organisation is a parameter to fill in; without --regions, the stack's own region.
	expect(document.Parameters.OrganizationId.Default).toBeUndefined();
	expect(byType(document, 'AWS::CloudFormation::StackSet')[0][1].Properties.StackInstancesGroup[0].Regions).toEqual([{Ref: 'AWS::Region'}]);
});

// cfn-lint comes from PyPI (this machine's image has it; .ci/run installs it where PyPI answers).
const hasCfnLint = await run('cfn-lint', ['--version']).then(
	() => true,
	() => {
		console.warn('cfn-lint is not installed: the templates are checked without it (pip install cfn-lint)');
		return false;
	},
);

test('the YAML says what the JSON says, and cfn-lint passes both templates (and fails a broken one)', async () => {
	const flags = {orgId: 'o-a1b2c3d4e5', consumers: 'alice,bob-ops', regions: 'eu-west-1'};
	const yaml = await template([], flags);
	const toJson = "import json,sys,yaml; print(json.dumps(yaml.safe_load(sys.stdin)))";
	const fromYaml = async (text: string) => {
		const child = execFile('python3', ['-c', toJson]);
		child.stdin?.end(text);
		let out = '';
		child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
		await new Promise(resolve => child.on('close', resolve));
		return JSON.parse(out) as unknown;
	};
	expect(await fromYaml(yaml)).toEqual(await parsed(flags));
	const files = {central: join(dir, 'central.yaml'), member: join(dir, 'member.yaml'), broken: join(dir, 'broken.yaml')};
	await writeFile(files.central, yaml);
	await writeFile(files.member, await template([], {member: true}));
	await writeFile(files.broken, yaml.replace('"AWS::SQS::QueuePolicy"', '"AWS::SQS::QueuePolicyy"'));
	if (!hasCfnLint) return;
	// One run for both (cfn-lint takes seconds to start): exit 0 means nothing found in either.
	await expect(run('cfn-lint', [files.central, files.member])).resolves.toMatchObject({stdout: ''});
	await expect(run('cfn-lint', [files.broken])).rejects.toMatchObject({stdout: expect.stringContaining('QueuePolicyy')});
}, 60_000);

test('bad flags are one-line usage errors', async () => {
	await expect(template([], {orgId: 'acme'})).rejects.toThrow(new UsageError('--org-id "acme" is not an organisation id like o-a1b2c3d4e5'));
	await expect(template([], {consumers: 'a b'})).rejects.toThrow(/--consumers: "a b" cannot name a queue/);
	await expect(template([], {consumers: 'bob-ops,bobOps'})).rejects.toThrow(/"bob-ops" and "bobOps" are too alike/);
	await expect(template([], {regions: 'Europe'})).rejects.toThrow(/--regions: "Europe" is not a region name/);
	await expect(template(['extra'])).rejects.toThrow(/takes no arguments/);
});
