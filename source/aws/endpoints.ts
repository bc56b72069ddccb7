/**
 * Which endpoint a client of one profile talks to, resolved the way the SDK documents it but
 * per profile: --endpoint-url, then AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the
 * profile's `services` section, then the profile's `endpoint_url`. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
 * (or the profile's ignore_configured_endpoint_urls) leaves only the flag.
 */

import {AwsConfigError, profileSettings, type AwsFiles} from './profiles.js';
import {shortQuote} from './quote.js';

export type AwsService = 'codepipeline' | 'codebuild' | 'logs' | 'cloudformation' | 'codedeploy' | 'ecs';

/** The SDK's service ids, which name the env variable and the services-section key. */
const SERVICE_IDS: Record<AwsService | 'sqs', string> = {
	codepipeline: 'CodePipeline',
	codebuild: 'CodeBuild',
	logs: 'CloudWatch Logs',
	cloudformation: 'CloudFormation',
	codedeploy: 'CodeDeploy',
	ecs: 'ECS',
	sqs: 'SQS',
};

function envSuffix(service: AwsService | 'sqs'): string {
	return SERVICE_IDS[service].split(' ').map(word => word.toUpperCase()).join('_');
}

function sectionKey(service: AwsService | 'sqs'): string {
	return SERVICE_IDS[service].split(' ').map(word => word.toLowerCase()).join('_');
}

function isTrue(value: string | undefined): boolean {
	return value?.trim().toLowerCase() === 'true';
}

export type EndpointInputs = {
	files: AwsFiles;
	profile: string;
	env: NodeJS.ProcessEnv;
	/** --endpoint-url (or the config file's endpointUrl): wins over everything. */
	endpointUrl?: string;
};

/** The endpoint URL for one service of one profile (SQS: the change feed's queue), or undefined for AWS's own endpoint. */
export function resolveEndpoint(service: AwsService | 'sqs', inputs: EndpointInputs): string | undefined {
	if (inputs.endpointUrl) return inputs.endpointUrl;
	const settings = profileSettings(inputs.files, inputs.profile);
	if (isTrue(inputs.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(settings.ignore_configured_endpoint_urls)) return undefined;
	const fromEnv = inputs.env[`AWS_ENDPOINT_URL_${envSuffix(service)}`] || inputs.env.AWS_ENDPOINT_URL;
	if (fromEnv) return fromEnv;
	if (settings.services) {
		const section = inputs.files.config[`services.${settings.services}`];
		if (!section) {
			throw new AwsConfigError(`profile "${inputs.profile}" names services section "${shortQuote(settings.services)}", which ${inputs.files.paths.configFile} does not define`);
		}
		const url = section[`${sectionKey(service)}.endpoint_url`];
		if (url) return url;
	}
	return settings.endpoint_url || undefined;
}

/** Endpoints of every service pipetop calls, for one profile. */
export function resolveEndpoints(inputs: EndpointInputs): Record<AwsService, string | undefined> {
	return {
		codepipeline: resolveEndpoint('codepipeline', inputs),
		codebuild: resolveEndpoint('codebuild', inputs),
		logs: resolveEndpoint('logs', inputs),
		cloudformation: resolveEndpoint('cloudformation', inputs),
		codedeploy: resolveEndpoint('codedeploy', inputs),
		ecs: resolveEndpoint('ecs', inputs),
	};
}

/** Throws AwsConfigError when the URL is not http(s), so a typo is caught before any call. */
export function checkEndpointUrl(url: string, where: string): void {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new AwsConfigError(`${where}: "${shortQuote(url)}" is not a URL`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new AwsConfigError(`${where}: "${shortQuote(url)}" must start with http:// or https://`);
}
