import {expect, test} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import {builtinScenario, createWorld} from '../../../source/sim/world/index.js';

function snapshot(seed: number): string {
	const clock = new VirtualClock();
	const world = createWorld({scenario: builtinScenario('demo'), clock, seed});
	clock.advance(45 * 60 * 1000);
	const parts: unknown[] = [world.accounts()];
	for (const entry of world.pipelines()) {
		parts.push(world.call(entry.profile, entry.region, 'GetPipelineState', {name: entry.name}));
		parts.push(world.call(entry.profile, entry.region, 'ListPipelineExecutions', {pipelineName: entry.name}));
	}
	return JSON.stringify(parts);
}

test('the same seed gives the same world, another seed another one', () => {
	const first = snapshot(11);
	expect(snapshot(11)).toBe(first);
	expect(snapshot(12)).not.toBe(first);
});
