/**
 * A small world with CodePipeline's event feed on, on a VirtualClock behind the real HTTP front,
 * and real @aws-sdk/client-sqs clients reading its queue. The central account ("tools") owns the
 * queue; the pipelines live in "team", another account, so every event crosses accounts.
 */

import {ReceiveMessageCommand, SQSClient, type Message} from '@aws-sdk/client-sqs';
import {flushIo, VirtualClock} from '../../../../source/shared/clock.js';
import type {EventFeedOptions, Scenario, ScenarioPipeline} from '../../../../source/sim/contract.js';
import {startSim, type RunningSim} from '../../../../source/sim/start.js';
import {createWorld, type World} from '../../../../source/sim/world/index.js';
import {definition} from '../../../engine/scenarios.js';

export const TOOLS = {profile: 'tools', accountId: '999988887777', regions: ['us-east-1']};
export const TEAM = {profile: 'team', accountId: '111122223333', regions: ['eu-west-1', 'us-east-1']};

/** Source 10 s, Build 60 s, Deploy 30 s: one execution takes 100 s of sim time. */
export const BEHAVIOUR: ScenarioPipeline['behaviour'] = {'Source/Checkout': {seconds: 10}, 'Build/Compile': {seconds: 60}, 'Deploy/Ship': {seconds: 30}};

export function feedScenario(events: EventFeedOptions = {}): Scenario {
	const pipeline = (name: string, region: string): ScenarioPipeline => ({profile: 'team', region, definition: definition(name, TEAM.accountId, region), behaviour: BEHAVIOUR});
	return {
		accounts: [TOOLS, TEAM],
		pipelines: [pipeline('web', 'eu-west-1'), pipeline('api', 'us-east-1')],
		events: {account: 'tools', ...events},
	};
}

export type FeedHarness = {
	world: World;
	sim: RunningSim;
	clock: VirtualClock;
	queueUrl: string;
	sqs(profile?: string, region?: string): SQSClient;
	/** Sends ReceiveMessage and resolves, with the call still open, once the sim holds it (so time can be moved under it). */
	receive(input: Omit<ConstructorParameters<typeof ReceiveMessageCommand>[0], 'QueueUrl'>, client?: SQSClient): Promise<Watched<Message[]>>;
	/** Every message until the queue has none visible (short polls), bodies parsed. */
	drain(client?: SQSClient): Promise<Array<{message: Message; event: Record<string, any>}>>;
	stop(): Promise<void>;
};

export async function startFeed(events: EventFeedOptions = {}, scenario = feedScenario(events)): Promise<FeedHarness> {
	const clock = new VirtualClock();
	const world = createWorld({scenario, clock, seed: 5});
	const sim = await startSim({world, clock, seed: 5});
	const made: SQSClient[] = [];
	const sqs = (profile = 'tools', region?: string): SQSClient => {
		const account = world.account(profile);
		const client = new SQSClient({endpoint: sim.url, region: region ?? account.regions[0], credentials: {accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey}, maxAttempts: 1});
		made.push(client);
		return client;
	};
	const central = sqs();
	const queueUrl = sim.eventsQueueUrl as string;
	const handled = () => sim.stats().handledByOperation.ReceiveMessage ?? 0;
	return {
		world,
		sim,
		clock,
		queueUrl,
		sqs,
		async receive(input, client = central) {
			const before = handled();
			const answer = watch(client.send(new ReceiveMessageCommand({QueueUrl: queueUrl, ...input})).then(output => output.Messages ?? []));
			// The call is on its way over loopback: wait (in turns of the event loop, not time) until the sim has it.
			for (let turn = 0; handled() === before && !answer.done; turn++) {
				if (turn > 2000) throw new Error('the sim never received the ReceiveMessage call');
				await flushIo(1);
			}
			return answer;
		},
		async drain(client = central) {
			const all: Array<{message: Message; event: Record<string, any>}> = [];
			for (;;) {
				const output = await client.send(new ReceiveMessageCommand({QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 300}));
				if (!output.Messages?.length) return all;
				for (const message of output.Messages) all.push({message, event: JSON.parse(message.Body ?? '{}')});
			}
		},
		async stop() {
			for (const client of made) client.destroy();
			await sim.stop();
			world.stop();
		},
	};
}

/** A promise whose outcome a test can look at without awaiting it. */
export type Watched<T> = {done: boolean; value: T | undefined; error: unknown; promise: Promise<T>};

export function watch<T>(promise: Promise<T>): Watched<T> {
	const watched: Watched<T> = {done: false, value: undefined, error: undefined, promise};
	promise.then(
		value => Object.assign(watched, {done: true, value}),
		(error: unknown) => Object.assign(watched, {done: true, error}),
	);
	return watched;
}

/** Lets loopback I/O run until the watched call has its answer (turns of the event loop, no time passes). */
export async function answered<T>(watched: Watched<T>): Promise<T> {
	for (let turn = 0; !watched.done; turn++) {
		if (turn > 2000) throw new Error('no answer came');
		await flushIo(1);
	}
	if (watched.error) throw watched.error;
	return watched.value as T;
}

/** "Pipeline STARTED", "Stage Build SUCCEEDED", "Action Build/Compile FAILED"... in arrival order. */
export function eventLabel(event: Record<string, any>): string {
	const detail = event.detail;
	if (event['detail-type'] === 'CodePipeline Pipeline Execution State Change') return `Pipeline ${detail.state}`;
	if (event['detail-type'] === 'CodePipeline Stage Execution State Change') return `Stage ${detail.stage} ${detail.state}`;
	return `Action ${detail.stage}/${detail.action} ${detail.state}`;
}

/** What one execution of the test pipeline sends, in the order of its state changes. */
export const EXECUTION_LABELS = [
	'Pipeline STARTED',
	'Stage Source STARTED',
	'Action Source/Checkout STARTED',
	'Action Source/Checkout SUCCEEDED',
	'Stage Source SUCCEEDED',
	'Stage Build STARTED',
	'Action Build/Compile STARTED',
	'Action Build/Compile SUCCEEDED',
	'Stage Build SUCCEEDED',
	'Stage Deploy STARTED',
	'Action Deploy/Ship STARTED',
	'Action Deploy/Ship SUCCEEDED',
	'Stage Deploy SUCCEEDED',
	'Pipeline SUCCEEDED',
];
