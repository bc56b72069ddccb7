/** Runs `pipetop why` in-process on a fleet harness, moving virtual time until it returns. */
import {bootstrap} from '../../source/app/bootstrap.js';
import type {GlobalFlags} from '../../source/app/context.js';
import {runWhy} from '../../source/commands/why.js';
import type {FleetHarness} from '../helpers/fleet-harness.js';

export async function why(h: FleetHarness, args: string[], flags: Partial<GlobalFlags> = {}): Promise<{code: number; stdout: string; stderr: string}> {
	const {context, stdout, stderr} = h.commandContext(args, {profile: 'ops', ...flags});
	const app = await bootstrap(context, {clock: h.clock, engine: {flushIntervalMs: 0}});
	h.track(app.engine);
	let code: number | undefined;
	let failure: unknown;
	const running = runWhy(context, {clock: h.clock, app}).then(
		result => {
			code = result;
		},
		(error: unknown) => {
			failure = error;
			code = -1;
		},
	);
	try {
		for (let step = 0; step < 2000 && code === undefined; step++) await h.advance(500);
		await running;
	} finally {
		await app.close();
	}
	if (failure) throw failure;
	return {code: code ?? -1, stdout: stdout(), stderr: stderr()};
}
