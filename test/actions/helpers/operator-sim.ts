/**
 * The embedded service with a small fleet made for operator actions, on a VirtualClock, and the
 * real app (bootstrap: config, sources, SDK clients, engine) pointed at it through an AWS config
 * directory of its own. Everything between the action layer and the service is the real thing.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bootstrap, type Bootstrapped} from '../../../source/app/bootstrap.js';
import type {GlobalFlags} from '../../../source/app/context.js';
import {VirtualClock} from '../../../source/shared/clock.js';
import {virtualTime} from '../../../source/shared/virtual-time.js';
import type {FaultOptions, Scenario} from '../../../source/sim/contract.js';
import {startSim, type RunningSim} from '../../../source/sim/start.js';
import {createWorld, type World} from '../../../source/sim/world/index.js';
import type {ActionLayer} from '../../../source/actions/layer.js';
import type {ActionRequest, Answers, AuditEntry} from '../../../source/actions/types.js';
import type {FleetState} from '../../../source/store/types.js';
import {DEFAULT_FLAGS} from '../../helpers/fleet-harness.js';

export const PROFILE = 'ops';
export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';
export const key = (pipeline: string) => `${PROFILE}/${REGION}/${pipeline}`;

type Json = Record<string, unknown>;

function act(name: string, category: string, provider: string, configuration: Record<string, string> = {}, extra: Json = {}): Json {
	return {name, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, configuration, ...extra};
}

function definition(name: string, stages: Json[], extra: Json = {}): {pipeline: Json} {
	return {
		pipeline: {
			name,
			roleArn: `arn:aws:iam::${ACCOUNT}:role/pipetop-test`,
			artifactStore: {type: 'S3', location: `codepipeline-${REGION}-${ACCOUNT}`},
			stages,
			...extra,
		},
	};
}

const source = act('Checkout', 'Source', 'CodeCommit', {RepositoryName: 'shop', BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]});
const build = (name: string, runOrder = 1) => act(name, 'Build', 'CodeBuild', {ProjectName: `shop-${name.toLowerCase()}`}, {inputArtifacts: [{name: 'Src'}], runOrder});
const approval = act('Manual', 'Approval', 'Manual', {CustomData: 'Check the canary dashboard', ExternalEntityLink: 'https://dash.example/shop'});
const deploy = act('Push', 'Deploy', 'S3', {BucketName: 'shop-site', Extract: 'true'}, {inputArtifacts: [{name: 'Src'}]});

/**
 * - gate: V2, SUPERSEDED, variables; Source, Build, Approve (waits), Deploy (slow).
 * - broken: V1; Build fails on its first run, then succeeds (retry); Lint is slow.
 * - fanout: V2 PARALLEL with an approval (no token in the state).
 * - train: V2 QUEUED, for rollback: Deploy succeeds every time.
 * - slow: V1; Build takes 300 s (something to stop).
 * - window: V2; Deploy has an entry condition whose rule takes an hour (something to override).
 */
export function operatorScenario(): Scenario {
	return {
		accounts: [{profile: PROFILE, accountId: ACCOUNT, regions: [REGION]}],
		pipelines: [
			{
				profile: PROFILE,
				region: REGION,
				definition: definition(
					'gate',
					[
						{name: 'Source', actions: [source]},
						{name: 'Build', actions: [build('Compile')]},
						{name: 'Approve', actions: [approval]},
						{name: 'Deploy', actions: [deploy]},
					],
					{pipelineType: 'V2', executionMode: 'SUPERSEDED', variables: [{name: 'DeployEnv', defaultValue: 'staging', description: 'where to deploy'}]},
				),
				behaviour: {'Build/Compile': {seconds: 60, outcomes: ['Succeeded']}, 'Deploy/Push': {seconds: 600, outcomes: ['Succeeded']}},
			},
			{
				profile: PROFILE,
				region: REGION,
				definition: definition('broken', [
					{name: 'Source', actions: [source]},
					{name: 'Build', actions: [build('Compile'), build('Lint')]},
					{name: 'Deploy', actions: [deploy]},
				]),
				behaviour: {'Build/Compile': {seconds: 30, outcomes: ['Failed', 'Succeeded']}, 'Build/Lint': {seconds: 300, outcomes: ['Succeeded']}},
			},
			{
				profile: PROFILE,
				region: REGION,
				definition: definition(
					'fanout',
					[
						{name: 'Source', actions: [source]},
						{name: 'Approve', actions: [approval]},
						{name: 'Deploy', actions: [deploy]},
					],
					{pipelineType: 'V2', executionMode: 'PARALLEL'},
				),
				behaviour: {'Deploy/Push': {seconds: 30, outcomes: ['Succeeded']}},
			},
			{
				profile: PROFILE,
				region: REGION,
				definition: definition(
					'train',
					[
						{name: 'Source', actions: [source]},
						{name: 'Deploy', actions: [deploy]},
					],
					{pipelineType: 'V2', executionMode: 'QUEUED'},
				),
				behaviour: {'Deploy/Push': {seconds: 30, outcomes: ['Succeeded']}},
			},
			{
				profile: PROFILE,
				region: REGION,
				definition: definition('slow', [
					{name: 'Source', actions: [source]},
					{name: 'Build', actions: [build('Compile')]},
					{name: 'Deploy', actions: [deploy]},
				]),
				behaviour: {'Build/Compile': {seconds: 300, outcomes: ['Succeeded']}},
			},
			{
				profile: PROFILE,
				region: REGION,
				definition: definition(
					'window',
					[
						{name: 'Source', actions: [source]},
						{
							name: 'Deploy',
							actions: [deploy],
							beforeEntry: {
								conditions: [
									{
										result: 'FAIL',
										rules: [{name: 'BusinessHours', ruleTypeId: {category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1'}, configuration: {Cron: '* 9-17 ? * MON-FRI *'}}],
									},
								],
							},
						},
					],
					{pipelineType: 'V2', executionMode: 'QUEUED'},
				),
				behaviour: {'Deploy/beforeEntry': {seconds: 3600, outcomes: ['Succeeded']}, 'Deploy/Push': {seconds: 30, outcomes: ['Succeeded']}},
			},
		],
	};
}

export function flags(overrides: Partial<GlobalFlags> = {}): GlobalFlags {
	return {...DEFAULT_FLAGS, profile: PROFILE, notify: false, ...overrides};
}

export type OperatorSim = {
	clock: VirtualClock;
	world: World;
	sim: RunningSim;
	dir: string;
	env: NodeJS.ProcessEnv;
	auditPath: string;
	/** The real app over the sim, as a command would build it. */
	boot(overrides?: Partial<GlobalFlags>): Promise<Bootstrapped>;
	/**
	 * Options for one command run in-process (call it once per run, then drive the run): this
	 * clock, no virtual time until the command has booted, and its engine waited on like booted ones.
	 */
	commandOptions(): {clock: VirtualClock; onBootstrapped: (app: Bootstrapped) => void};
	/** Moves virtual time in steps until the predicate holds; throws with `what` when it never does. */
	until(check: () => boolean, what: string, options?: {maxMs?: number; step?: number}): Promise<void>;
	/**
	 * Awaits work that may need virtual time to pass (engine calls wait for their budget, write
	 * timeouts run on the clock): moves time in small steps until the promise settles.
	 */
	drive<T>(work: Promise<T>, options?: {maxMs?: number; step?: number}): Promise<T>;
	/** Lets loopback HTTP finish without moving virtual time. */
	settle(): Promise<void>;
	/** Count of calls of one operation that reached the service. */
	calls(operation: string): number;
	audit(): Promise<AuditEntry[]>;
	stop(): Promise<void>;
};

/** How long (real time) `drive` waits for a command to boot (slow imports on a loaded machine). */
const BOOT_PATIENCE_MS = 30_000;

async function delay(ms: number): Promise<void> {
	await new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});
}

export async function startOperatorSim(options: {faults?: FaultOptions; scenario?: Scenario; maxActiveExecutions?: number} = {}): Promise<OperatorSim> {
	const clock = new VirtualClock();
	const world = createWorld({scenario: options.scenario ?? operatorScenario(), clock, seed: 7, ...(options.maxActiveExecutions ? {maxActiveExecutions: options.maxActiveExecutions} : {})});
	const sim = await startSim({world, clock, seed: 7, ...(options.faults ? {faults: options.faults} : {})});
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-actions-'));
	const files = await sim.writeAwsDir(join(dir, 'aws'));
	const env: NodeJS.ProcessEnv = {
		HOME: dir,
		AWS_CONFIG_FILE: files.configFile,
		AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile,
		XDG_STATE_HOME: join(dir, 'state'),
		XDG_CONFIG_HOME: join(dir, 'config'),
	};
	const auditPath = join(dir, 'state', 'pipetop', 'audit.jsonl');
	const apps: Bootstrapped[] = [];
	// Apps that commands built and close themselves: waited on, not closed here.
	const commandApps: Bootstrapped[] = [];
	const engines = () => [...apps, ...commandApps];
	// Commands handed options and not yet bootstrapped.
	let booting = 0;
	const commandOptionsFor = () => ({
		clock,
		onBootstrapped(app: Bootstrapped) {
			booting = Math.max(0, booting - 1);
			commandApps.push(app);
			// A closed engine is not waited on any more.
			const close = app.close;
			app.close = async () => {
				commandApps.splice(commandApps.indexOf(app), 1);
				await close();
			};
		},
	});
	// The regions the service holds calls in (a dead region): their calls are not waited for.
	let heldRegions = new Set<string>(options.faults?.deadRegions ?? []);
	const setFaults = sim.setFaults;
	sim.setFaults = faults => {
		setFaults(faults);
		heldRegions = new Set(faults.deadRegions ?? []);
	};
	const time = virtualTime({
		clock,
		engines: () => engines().map(app => ({inFlight: (source?: string) => app.engine.inFlight(source), whenIdle: () => app.engine.whenIdle(), sources: app.sources.map(({spec}) => spec)})),
		heldRegions: () => heldRegions,
	});
	const harness: OperatorSim = {
		clock,
		world,
		sim,
		dir,
		env,
		auditPath,
		async boot(overrides = {}) {
			const app = await bootstrap(
				{args: [], flags: flags(overrides), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env},
				{clock},
			);
			apps.push(app);
			return app;
		},
		commandOptions: () => {
			booting++;
			return commandOptionsFor();
		},
		async until(check, what, {maxMs = 900_000, step = 1000} = {}) {
			await time.until(check, {withinMs: maxMs, what, step});
		},
		async drive(work, {maxMs = 120_000, step = 100} = {}) {
			let settled = false;
			const watched = work.finally(() => {
				settled = true;
			});
			watched.catch(() => undefined);
			// While a command boots (imports, files) no virtual time passes: none of its timers exist yet.
			const started = performance.now();
			while (!settled && booting > 0 && performance.now() - started < BOOT_PATIENCE_MS) await delay(1);
			try {
				await harness.until(() => settled, 'the awaited work to finish', {maxMs, step});
			} finally {
				booting = 0;
			}
			return watched;
		},
		settle: () => time.settle(),
		calls: operation => sim.stats().byOperation[operation] ?? 0,
		async audit() {
			const text = await readFile(auditPath, 'utf8').catch(() => '');
			return text
				.split('\n')
				.filter(Boolean)
				.map(line => JSON.parse(line) as AuditEntry);
		},
		async stop() {
			for (const app of apps) await app.close();
			await sim.stop();
			world.stop();
			await rm(dir, {recursive: true, force: true});
		},
	};
	return harness;
}

/** Starts the engine and waits until the pipeline's state has been read. */
export async function loaded(harness: OperatorSim, app: Bootstrapped, pipeline: string): Promise<void> {
	app.engine.start();
	await harness.until(() => app.engine.store.getState().pipelines[key(pipeline)]?.fetchedAt !== undefined, `${pipeline} read once`);
}

export function stageOf(state: FleetState, pipeline: string, stage: string) {
	return state.pipelines[key(pipeline)]?.stages.find(entry => entry.name === stage);
}

/** Prepares an action, then runs it with the operator's answers, as the dialog's confirm does. */
export async function confirmAction(harness: OperatorSim, layer: ActionLayer, request: ActionRequest, answers: Answers) {
	const prepared = await harness.drive(layer.prepare(request));
	if (!prepared.ok) throw new Error(prepared.reason);
	return harness.drive(layer.run(prepared.plan.build(answers)));
}
