/** Runs `pipetop status` in-process on a fleet harness's clock, moving virtual time until it returns. */

import {bootstrap} from '../../source/app/bootstrap.js';
import type {GlobalFlags} from '../../source/app/context.js';
import {runStatus} from '../../source/commands/status.js';
import type {FleetHarness} from './fleet-harness.js';

export async function statusOn(harness: FleetHarness, flags: Partial<GlobalFlags>, args: string[] = [], env: Record<string, string> = {}): Promise<{code: number; stdout: string; stderr: string}> {
	const {context, stdout, stderr} = harness.commandContext(args, {allProfiles: true, ...flags});
	context.env = {...context.env, ...env};
	const app = await bootstrap(context, {clock: harness.clock, engine: {flushIntervalMs: 0}});
	harness.track(app.engine);
	let code: number | undefined;
	const running = runStatus(context, {clock: harness.clock, app}).then(result => {
		code = result;
	});
	try {
		for (let step = 0; step < 2000 && code === undefined; step++) await harness.advance(250);
		await running;
	} finally {
		await app.close();
	}
	return {code: code ?? -1, stdout: stdout(), stderr: stderr()};
}
