/**
 * Settings every SDK client reads from the shared config file (the AWS_PROFILE profile's
 * use_fips_endpoint, use_dualstack_endpoint, retry_mode, defaults_mode, sdk_ua_app_id,
 * auth_scheme_preference): the same for every client of the process, so read once. Left to
 * each client, each parsed the whole config file for each setting, which with 30,000 profiles
 * and a client per profile made loading quadratic.
 */

import {CodePipelineClient} from '@aws-sdk/client-codepipeline';

type Settings = Pick<CodePipelineClient['config'], 'defaultsMode' | 'authSchemePreference' | 'retryMode' | 'useDualstackEndpoint' | 'useFipsEndpoint' | 'userAgentAppId'>;

const byEnvironment = new Map<string, Settings>();

/** The SDK's own (lazy, memoized) loaders of one template client, shared by every client after it. */
export function sharedClientSettings(): Settings {
	// The loaders read the files and profile the environment names at the time: one set per naming.
	const key = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'HOME'].map(name => process.env[name] ?? '').join('\n');
	let settings = byEnvironment.get(key);
	if (!settings) {
		const template = new CodePipelineClient({region: 'us-east-1', maxAttempts: 1});
		const {defaultsMode, authSchemePreference, retryMode, useDualstackEndpoint, useFipsEndpoint, userAgentAppId} = template.config;
		settings = {defaultsMode, authSchemePreference, retryMode, useDualstackEndpoint, useFipsEndpoint, userAgentAppId};
		template.destroy();
		byEnvironment.set(key, settings);
	}
	return settings;
}
