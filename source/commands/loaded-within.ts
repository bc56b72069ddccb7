/** Starts the engine and waits for its first load, or for a deadline on the command's clock: true when loaded. */

import type {Bootstrapped} from '../app/bootstrap.js';
import type {Clock, TimerHandle} from '../shared/clock.js';

export async function loadedWithin(app: Bootstrapped, clock: Clock, deadlineMs: number): Promise<boolean> {
	app.engine.start();
	let timer: TimerHandle | undefined;
	const complete = await Promise.race([
		app.engine.whenLoaded().then(() => true),
		new Promise<boolean>(resolve => {
			timer = clock.setTimer(() => resolve(false), deadlineMs);
		}),
	]);
	clock.clearTimer(timer);
	return complete;
}
