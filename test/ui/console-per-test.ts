/**
 * A fleet and a console opened by each test, closed after it (console first, then its fleet), so a
 * failing test leaves nothing running for the next one. Tests set `opened.fleet` and `opened.screen`.
 */
import {afterEach} from 'vitest';
import type {FleetHarness} from '../helpers/fleet-harness.js';
import type {OpenConsole} from './open-console.js';

export type OpenedPerTest = {fleet?: FleetHarness; screen?: OpenConsole};

export function closedAfterEachTest(): OpenedPerTest {
	const opened: OpenedPerTest = {};
	afterEach(async () => {
		opened.screen?.close();
		await opened.fleet?.close();
		opened.fleet = undefined;
		opened.screen = undefined;
	});
	return opened;
}
