/**
 * `--demo`: the embedded CodePipeline-compatible service, started in this process with the
 * built-in demo fleet, and an AWS config directory of its own in a private temp dir (the user's
 * ~/.aws is never read or written). The only place the app imports the sim.
 */

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {AwsFilePaths} from '../aws/index.js';
import {RealClock} from '../shared/clock.js';

export type RunningDemo = {
	url: string;
	paths: AwsFilePaths;
	/** Every demo account's profile with all its regions. */
	profileRegions: Record<string, string[]>;
	/** The demo's event queue (CodePipeline's events from every account), for the change feed. */
	events?: {queueUrl: string; profile: string; region: string};
	stop(): Promise<void>;
};

export async function startDemo(): Promise<RunningDemo> {
	// Loaded only for --demo: nothing of the sim is in memory otherwise.
	const [{startSim}, {createWorld, builtinScenario}] = await Promise.all([import('../sim/start.js'), import('../sim/world/index.js')]);
	const clock = new RealClock();
	const world = createWorld({scenario: builtinScenario('demo'), clock, seed: 1});
	const sim = await startSim({world, clock, seed: 1});
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-demo-'));
	try {
		const files = await sim.writeAwsDir(dir);
		const profileRegions: Record<string, string[]> = {};
		for (const account of world.accounts()) profileRegions[account.profile] = [...account.regions];
		let stopped = false;
		const queue = sim.eventQueues[0];
		return {
			...(queue && {events: {queueUrl: queue.url, profile: queue.profile, region: queue.region}}),
			url: sim.url,
			paths: {configFile: files.configFile, credentialsFile: files.credentialsFile},
			profileRegions,
			async stop() {
				if (stopped) return;
				stopped = true;
				await sim.stop();
				world.stop();
				clock.clearAll();
				await rm(dir, {recursive: true, force: true});
			},
		};
	} catch (error) {
		await sim.stop();
		world.stop();
		clock.clearAll();
		await rm(dir, {recursive: true, force: true});
		throw error;
	}
}
