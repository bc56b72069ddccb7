/**
 * A key press is answered at once, not at the end of Ink's 30 fps frame window: the console
 * mounted as `pipetop` mounts it (maxFps 30, incremental rendering) must put the frame a key
 * press causes on the terminal before any timer runs, even when another frame was drawn just
 * before the key (the clock's repaint, a store update). Ink throttles every render alike; the
 * patch patches/ink+8.0.0+005+key-press-renders-at-once.patch makes a commit made while input
 * is handled render at once (docs/performance.md). Without it the frame waits for the
 * throttle's timer, which this test never lets run.
 */
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {ConsoleApp} from '../../source/ui/shell/console-app.js';
import {createConsoleServices} from '../../source/ui/shell/create-services.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {FakeStdin, keyBytes, stripAnsi} from '../helpers/render-terminal.js';
import {largeFleetScenario} from '../ui/scenarios.js';

/** A TTY of a fixed size; every write kept as plain text. */
class TtyStdout extends EventEmitter {
	readonly isTTY = true;
	readonly writes: string[] = [];
	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	write(chunk: string, encoding?: unknown, callback?: unknown): boolean {
		const text = stripAnsi(String(chunk));
		if (text !== '') this.writes.push(text);
		const done = typeof encoding === 'function' ? encoding : callback;
		if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
		return true;
	}

	getColorDepth(): number {
		return 8;
	}
}

let fleet: FleetHarness;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: largeFleetScenario(12)});
	await fleet.until(state => !state.initialLoad, {what: 'the first load', withinMs: 3_600_000});
});
afterAll(async () => fleet?.close());

/** The fleet's rows on a frame, top to bottom, and the selected one (marked ›). */
const rowNames = (frame = '') => [...frame.matchAll(/^[ ›]\S+\s+ops\s+\d{12}\s+\S+\s+(svc-\d+)/gm)].map(match => match[1]);
const selectedName = (frame = '') => /^›\S+\s+ops\s+\d{12}\s+\S+\s+(svc-\d+)/m.exec(frame)?.[1];

const microtasks = async () => {
	for (let index = 0; index < 20; index++) await Promise.resolve();
};
const macrotask = async (ms = 0) => new Promise<void>(resolve => setTimeout(resolve, ms));

test('a key pressed right after a frame is drawn reaches the terminal before any timer runs', async () => {
	const stdout = new TtyStdout(160, 30);
	const stdin = new FakeStdin();
	const services = createConsoleServices({engine: fleet.engine, now: () => fleet.clock.now(), env: {TERM: 'xterm-256color', LANG: 'C.UTF-8'}, notify: false});
	const instance = render(<ConsoleApp services={services} />, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new TtyStdout(160, 30) as unknown as NodeJS.WriteStream,
		interactive: true,
		incrementalRendering: false,
		maxFps: 30,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	try {
		// The fleet on screen, its first row selected.
		for (let waited = 0; rowNames(stdout.writes.at(-1)).length < 12; waited += 50) {
			if (waited > 10_000) throw new Error(`the fleet never showed; writes:\n${JSON.stringify(stdout.writes).slice(0, 3000)}`);
			await macrotask(50);
		}
		await macrotask(100);
		const rows = rowNames(stdout.writes.at(-1));
		expect(selectedName(stdout.writes.at(-1))).toBe(rows[0]);

		// A key press draws a frame (the throttle's leading edge) and opens a 33 ms window...
		stdin.write(keyBytes('down'));
		await microtasks();
		const afterFirst = stdout.writes.length;
		expect(selectedName(stdout.writes.at(-1))).toBe(rows[1]);

		// ...in which the next key press must still be drawn at once.
		stdin.write(keyBytes('down'));
		await microtasks();
		expect(stdout.writes.length).toBeGreaterThan(afterFirst);
		expect(selectedName(stdout.writes.at(-1))).toBe(rows[2]);

		// And what was drawn at once is the whole answer: the frame cap adds nothing after it.
		const answered = stdout.writes.at(-1);
		await macrotask(100);
		expect(stdout.writes.at(-1)).toBe(answered);
	} finally {
		instance.unmount();
		instance.cleanup();
	}
});
