/**
 * The built console in a real terminal (tmux on a private socket, 120x40) against `pipetop sim`,
 * with the AWS CLI alongside, as an operator would use them: after a stop-and-abandon and after a
 * retry, the header and the fleet row show the new status within an active poll, not the old one.
 * Needs `npm run build` first (npm test does it), tmux and the AWS CLI; skipped when one is missing.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const built = existsSync(join(root, 'dist', 'cli.js'));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const hasAws = spawnSync('aws', ['--version']).status === 0;
const socket = `pipetop-truth-${process.pid}`;
const session = 'truth';
/** The console's active poll is 5 s: a change must show within it (and a little for a busy machine). */
const WITHIN_POLL_MS = 9000;

let dir: string;
let sim: ChildProcess | undefined;
let env: NodeJS.ProcessEnv;

const tmux = (...args: string[]) => {
	const result = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
	return result.stdout;
};
const screen = () => tmux('capture-pane', '-p', '-t', session);
const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);

async function keys(...sequence: string[]): Promise<void> {
	for (const key of sequence) {
		tmux('send-keys', '-t', session, key);
		await new Promise(done => setTimeout(done, 150));
	}
}

/** A real program on real time: poll the screen until it shows what is expected. */
async function waitFor(check: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = screen();
		if (check(text)) return text;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
		await new Promise(done => setTimeout(done, 150));
	}
}

function aws(...args: string[]): string {
	const result = spawnSync('aws', ['--profile', 'ops', '--output', 'text', 'codepipeline', ...args], {encoding: 'utf8', env});
	if (result.status !== 0) throw new Error(`aws ${args.join(' ')}: ${result.stderr}`);
	return result.stdout.trim();
}

const action = (name: string, category: string, provider: string, configuration: Record<string, string>, extra: object) => ({name, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, configuration, ...extra});

/** Two pipelines: `slow` builds for 10 minutes (a second run waits in front of Build); `broken` fails its first build. */
function scenario(): object {
	const pipeline = (name: string) => ({
		name,
		roleArn: 'arn:aws:iam::123456789012:role/pipetop-e2e',
		artifactStore: {type: 'S3', location: 'codepipeline-eu-west-1-123456789012'},
		stages: [
			{name: 'Source', actions: [action('Checkout', 'Source', 'CodeCommit', {RepositoryName: 'shop', BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]})]},
			{name: 'Build', actions: [action('Compile', 'Build', 'CodeBuild', {ProjectName: 'shop-compile'}, {inputArtifacts: [{name: 'Src'}]})]},
		],
	});
	const entry = (name: string, compile: object) => ({profile: 'ops', region: 'eu-west-1', definition: {pipeline: pipeline(name)}, behaviour: {'Source/Checkout': {seconds: 2}, 'Build/Compile': compile}});
	return {
		accounts: [{profile: 'ops', accountId: '123456789012', regions: ['eu-west-1']}],
		pipelines: [entry('slow', {seconds: 600, outcomes: ['Succeeded']}), entry('broken', {seconds: 25, outcomes: ['Failed', 'Succeeded']})],
	};
}

async function startSim(): Promise<void> {
	await writeFile(join(dir, 'scenario.json'), JSON.stringify(scenario()));
	sim = spawn(process.execPath, [join(root, 'bin', 'pipetop.js'), 'sim', '--port', '0', '--aws-dir', join(dir, 'aws'), '--scenario', join(dir, 'scenario.json')], {stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	await new Promise<void>((done, fail) => {
		sim!.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (output.includes('aws profiles')) done();
		});
		sim!.on('exit', code => fail(new Error(`pipetop sim exited (${code}): ${output}`)));
	});
}

/** The fleet row of one pipeline. */
const rowOf = (text: string, name: string) => text.split('\n').find(line => line.includes(` ${name} `)) ?? '';
/** Whether that row shows this status (its glyph leads the row, its word is in STATUS). */
const rowSays = (text: string, name: string, glyph: string, word: string) => {
	const row = rowOf(text, name);
	return row.slice(0, 2).includes(glyph) && new RegExp(` ${word} `).test(row);
};

beforeAll(async () => {
	if (!built || !hasTmux || !hasAws) return;
	dir = await mkdtemp(join(tmpdir(), 'pipetop-e2e-truth-'));
	await startSim();
	env = {...process.env, AWS_CONFIG_FILE: join(dir, 'aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws', 'credentials')};
	const pass = (name: string, value: string) => ['-e', `${name}=${value}`];
	tmux(
		'new-session', '-d', '-s', session, '-x', '120', '-y', '40',
		...pass('TERM', 'tmux-256color'), ...pass('LANG', 'C.UTF-8'), ...pass('HOME', dir), ...pass('XDG_STATE_HOME', join(dir, 'state')), ...pass('XDG_CONFIG_HOME', join(dir, 'xdg')),
		...pass('AWS_CONFIG_FILE', env.AWS_CONFIG_FILE!), ...pass('AWS_SHARED_CREDENTIALS_FILE', env.AWS_SHARED_CREDENTIALS_FILE!),
		`node ${join(root, 'bin', 'pipetop.js')} --profile ops`,
	);
	await waitFor(text => rowOf(text, 'slow') !== '' && rowOf(text, 'broken') !== '' && !text.includes('loading'), 'the fleet', 60_000);
}, 90_000);

afterAll(async () => {
	spawnSync('tmux', ['-L', socket, '-f', '/dev/null', 'kill-server']);
	sim?.kill();
	if (dir) await rm(dir, {recursive: true, force: true});
});

describe.skipIf(!built || !hasTmux || !hasAws)('the screen after a stop and a retry, in tmux against pipetop sim', () => {
	it('stop and abandon of a run waiting in front of a stage: header and row say Stopped', async () => {
		aws('start-pipeline-execution', '--name', 'slow');
		await waitFor(text => rowSays(text, 'slow', '●', 'InProgress'), 'slow running');
		const second = aws('start-pipeline-execution', '--name', 'slow', '--query', 'pipelineExecutionId');
		type(':pipeline slow');
		await keys('Enter');
		// The grid opens on the running build; the source action carries the second run, waiting in front of Build.
		await keys('g');
		await waitFor(text => text.includes(`waiting to enter: ${second.slice(0, 8)}`) && text.includes(`● InProgress ${second.slice(0, 8)}`), 'the second run waiting in front of Build');

		await keys('s');
		await waitFor(text => text.includes(`Stop execution ${second.slice(0, 8)}`), 'the stop dialog');
		await keys('Down');
		await waitFor(text => text.includes('> Stop and abandon'), 'abandon chosen');
		await keys('Enter');
		await waitFor(text => text.includes('Reason (optional)'), 'the reason step');
		type('wrong commit');
		await waitFor(text => text.includes('> wrong commit'), 'the reason typed');
		await keys('Enter');
		await waitFor(text => text.includes('Press y to confirm'), 'the confirm step');
		await keys('y');
		await waitFor(text => text.includes('Accepted by AWS'), 'the answer');
		await keys('Enter');
		await waitFor(text => text.includes(`■ Stopped ${second.slice(0, 8)}`), 'the header says Stopped', WITHIN_POLL_MS);
		expect(aws('get-pipeline-execution', '--pipeline-name', 'slow', '--pipeline-execution-id', second, '--query', 'pipelineExecution.status')).toBe('Stopped');
		await keys('Escape');
		await waitFor(text => rowSays(text, 'slow', '■', 'Stopped'), 'the fleet row says Stopped', WITHIN_POLL_MS);
	}, 90_000);

	it('retry of a failed stage: row and header turn from Failed to InProgress', async () => {
		const executionId = aws('start-pipeline-execution', '--name', 'broken', '--query', 'pipelineExecutionId');
		await waitFor(text => rowSays(text, 'broken', '✗', 'Failed'), 'broken failed', 60_000);
		// Failed comes first in the fleet: g puts the cursor on it.
		await keys('g');
		await waitFor(text => /^›✗ .* broken /m.test(text), 'the cursor on broken');
		await keys('r');
		await waitFor(text => text.includes('Retry stage Build'), 'the retry dialog');
		await keys('Enter');
		await waitFor(text => text.includes('Press y to confirm'), 'the confirm step');
		await keys('y');
		await waitFor(text => text.includes('Accepted by AWS'), 'the answer');
		await keys('Enter');
		await waitFor(text => rowSays(text, 'broken', '●', 'InProgress'), 'the fleet row says InProgress', WITHIN_POLL_MS);
		expect(aws('get-pipeline-execution', '--pipeline-name', 'broken', '--pipeline-execution-id', executionId, '--query', 'pipelineExecution.status')).toBe('InProgress');
		type(':pipeline broken');
		await keys('Enter');
		await waitFor(text => text.includes(`● InProgress ${executionId.slice(0, 8)}`), 'the header says InProgress', WITHIN_POLL_MS);
		await keys('q');
	}, 120_000);
});
