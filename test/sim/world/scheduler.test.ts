/**
 * The world's scheduler never runs an event before its moment, also between milliseconds (a
 * virtual clock moved by fractions of a millisecond, as the engine's rate limits move it).
 */

import {expect, test} from 'vitest';
import {VirtualClock} from '../../../source/shared/clock.js';
import {Scheduler} from '../../../source/sim/world/scheduler.js';

test('an event due between two milliseconds runs at the later one, not before its moment', () => {
	const clock = new VirtualClock(1_000_000);
	const scheduler = new Scheduler(clock);
	const ran: number[] = [];
	scheduler.at(1_000_012.3, () => ran.push(scheduler.now()));
	scheduler.runUntil(1_000_012);
	expect(ran).toEqual([]);
	scheduler.runUntil(1_000_013);
	expect(ran).toEqual([1_000_013]);
});
