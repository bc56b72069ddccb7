/** Runs `pipetop why` in-process on a fleet harness, moving virtual time until it returns. */
import type {GlobalFlags} from '../../source/app/context.js';
import {runWhy} from '../../source/commands/why.js';
import type {FleetHarness} from '../helpers/fleet-harness.js';
import {runOn} from '../helpers/run-command.js';

export async function why(h: FleetHarness, args: string[], flags: Partial<GlobalFlags> = {}): Promise<{code: number; stdout: string; stderr: string}> {
	const {code, stdout, stderr} = await runOn(h, runWhy, args, {allProfiles: false, profile: 'ops', ...flags}, 500);
	return {code, stdout, stderr};
}
