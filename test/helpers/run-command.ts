/** Runs a subcommand in-process on a fleet harness's clock, moving virtual time until it returns (or throws). */

import {bootstrap, type Bootstrapped} from '../../source/app/bootstrap.js';
import type {CommandContext, GlobalFlags} from '../../source/app/context.js';
import type {Clock} from '../../source/shared/clock.js';
import type {FleetHarness} from './fleet-harness.js';

export type CommandRun = (context: CommandContext, options: {clock: Clock; app: Bootstrapped}) => Promise<number>;

export async function runOn(
	harness: FleetHarness,
	run: CommandRun,
	args: string[],
	flags: Partial<GlobalFlags>,
	stepMs = 250,
): Promise<{code: number; stdout: string; stderr: string; seconds: number}> {
	const {context, stdout, stderr} = harness.commandContext(args, {allProfiles: true, ...flags});
	const app = await bootstrap(context, {clock: harness.clock, engine: {flushIntervalMs: 0}});
	harness.track(app.engine);
	const started = harness.clock.now();
	let outcome: {code: number} | {error: unknown} | undefined;
	const running = run(context, {clock: harness.clock, app}).then(
		code => {
			outcome = {code};
		},
		(error: unknown) => {
			outcome = {error};
		},
	);
	try {
		for (let step = 0; step < 5000 && outcome === undefined; step++) await harness.advance(stepMs);
		await running;
	} finally {
		await app.close();
	}
	if (outcome && 'error' in outcome) throw outcome.error;
	return {code: outcome?.code ?? -1, stdout: stdout(), stderr: stderr(), seconds: (harness.clock.now() - started) / 1000};
}
