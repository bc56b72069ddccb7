/** The AWS config directory the sim writes, read by the SDK's own loaders and by the AWS CLI. */

import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {ListPipelinesCommand} from '@aws-sdk/client-codepipeline';
import {CodePipelineClient} from '@aws-sdk/client-codepipeline';
import {fromIni} from '@aws-sdk/credential-providers';
import {loadSharedConfigFiles} from '@smithy/shared-ini-file-loader';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {writeAwsDir} from '../../../source/sim/aws-dir.js';
import {startSim, type RunningSim} from '../../../source/sim/start.js';
import {DEFAULT_ACCOUNT, PROD_ACCOUNT, TestWorld} from './helpers/test-world.js';

const run = promisify(execFile);

let sim: RunningSim;
let dir: string;
let files: {configFile: string; credentialsFile: string};

beforeAll(async () => {
	sim = await startSim({world: new TestWorld()});
	dir = await mkdtemp(join(tmpdir(), 'pipetop-aws-dir-'));
	files = await sim.writeAwsDir(join(dir, 'aws'));
});

afterAll(async () => {
	await sim.stop();
	await rm(dir, {recursive: true, force: true});
});

/** Is the AWS CLI on PATH? */
async function awsCliVersion(): Promise<string | undefined> {
	try {
		const {stdout, stderr} = await run('aws', ['--version']);
		return (stdout || stderr).trim();
	} catch {
		return undefined;
	}
}

const cli = await awsCliVersion();
if (!cli) console.warn('aws-dir.test: the AWS CLI is not on PATH, skipping the CLI checks');

function cliEnv(): NodeJS.ProcessEnv {
	// Only what the CLI needs: no real AWS settings of the person running the tests leak in.
	return {PATH: process.env.PATH, HOME: dir, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile};
}

describe('writeAwsDir', () => {
	it('writes one profile per account, private to the user', async () => {
		const config = await readFile(files.configFile, 'utf8');
		const credentials = await readFile(files.credentialsFile, 'utf8');
		expect(config).toContain(`[default]\nregion = us-east-1\noutput = json\nendpoint_url = ${sim.url}\n`);
		expect(config).toContain(`[profile prod]\nregion = eu-west-1\n`);
		expect(credentials).toContain(`[prod]\naws_access_key_id = ${PROD_ACCOUNT.accessKeyId}\naws_secret_access_key = ${PROD_ACCOUNT.secretAccessKey}\n`);
		for (const file of [files.configFile, files.credentialsFile]) expect((await stat(file)).mode & 0o777).toBe(0o600);
		expect((await stat(join(dir, 'aws'))).mode & 0o777).toBe(0o700);
	});

	it('is read by the SDK loaders: fromIni credentials, endpoint_url and region', async () => {
		const loaded = await loadSharedConfigFiles({filepath: files.credentialsFile, configFilepath: files.configFile});
		expect(loaded.configFile.prod).toMatchObject({region: 'eu-west-1', endpoint_url: sim.url});
		const credentials = fromIni({profile: 'prod', filepath: files.credentialsFile, configFilepath: files.configFile});
		expect(await credentials()).toMatchObject({accessKeyId: PROD_ACCOUNT.accessKeyId});
		const client = new CodePipelineClient({region: loaded.configFile.prod.region, endpoint: loaded.configFile.prod.endpoint_url, credentials, maxAttempts: 1});
		const answer = await client.send(new ListPipelinesCommand({}));
		expect(answer.pipelines?.map(pipeline => pipeline.name)).toEqual(['prod-api']);
	});

	it('refuses names that would break the ini layout', async () => {
		await expect(writeAwsDir(join(dir, 'bad'), [{...DEFAULT_ACCOUNT, profile: 'x]\n[y'}], sim.url)).rejects.toThrow(/profile name/);
	});
});

describe.skipIf(!cli)('the AWS CLI against the sim (botocore signing)', () => {
	it('lists pipelines with --endpoint-url', async () => {
		const {stdout} = await run('aws', ['--endpoint-url', sim.url, '--region', 'eu-west-1', '--profile', 'prod', 'codepipeline', 'list-pipelines'], {env: cliEnv()});
		expect(JSON.parse(stdout).pipelines.map((pipeline: {name: string}) => pipeline.name)).toEqual(['prod-api']);
	});

	it('lists pipelines from the profile alone (endpoint_url and region from the config file)', async () => {
		const {stdout} = await run('aws', ['codepipeline', 'list-pipelines'], {env: cliEnv()});
		expect(JSON.parse(stdout).pipelines.map((pipeline: {name: string}) => pipeline.name)).toEqual(['checkout', 'payments']);
	});

	it('shows service errors the way the CLI shows AWS errors', async () => {
		const failure = await run('aws', ['--profile', 'prod', 'codepipeline', 'get-pipeline', '--name', 'nope'], {env: cliEnv()}).catch((error: {code: number; stderr: string}) => error);
		// AWS CLI v1 exits 255 on a service error (v2 uses 254): either way, not success.
		expect('code' in failure && failure.code).toBeGreaterThan(0);
		expect((failure as {stderr: string}).stderr).toContain('(PipelineNotFoundException) when calling the GetPipeline operation');
	});
});
