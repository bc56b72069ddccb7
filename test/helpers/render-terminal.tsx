/**
 * Renders an Ink tree into a fake terminal of a fixed size, like ink-testing-library does, but
 * with rows as well as columns (ink-testing-library's stdout is 100 columns and has no rows) and
 * a resize method that behaves as a terminal does: it changes the size and emits 'resize'.
 */
import {EventEmitter} from 'node:events';
import {render, type Instance} from 'ink';
import type {ReactElement} from 'react';

class FakeStdout extends EventEmitter {
	/** The latest frames (older ones are dropped: a long test renders thousands). */
	readonly frames: string[] = [];
	isTTY = false;

	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	// Ink waits for a write's callback before it reports the app as exited.
	write = (chunk: string, encoding?: unknown, callback?: unknown): boolean => {
		if (chunk !== '') this.frames.push(chunk);
		if (this.frames.length > 100) this.frames.splice(0, this.frames.length - 50);
		const done = typeof encoding === 'function' ? encoding : callback;
		if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
		return true;
	};
}

class FakeStderr extends EventEmitter {
	readonly writes: string[] = [];
	write = (chunk: string, encoding?: unknown, callback?: unknown): boolean => {
		this.writes.push(chunk);
		const done = typeof encoding === 'function' ? encoding : callback;
		if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
		return true;
	};
}

/** A TTY stdin that takes key bytes as written (Ink reads them on "readable"). */
export class FakeStdin extends EventEmitter {
	isTTY = true;
	private pending: string[] = [];

	write(data: string): void {
		this.pending.push(data);
		this.emit('readable');
		this.emit('data', data);
	}

	read = (): string | null => this.pending.shift() ?? null;
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

const keySequences: Record<string, string> = {
	enter: '\r',
	esc: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pgup: '\u001B[5~',
	pgdn: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	tab: '\t',
	backspace: '\u007F',
	space: ' ',
};

/** The bytes a terminal sends for a key name (see source/ui/input/keys.ts), e.g. "enter", "ctrl+c", "G". */
export function keyBytes(name: string): string {
	if (keySequences[name]) return keySequences[name];
	const control = /^ctrl\+([a-z])$/.exec(name);
	if (control) return String.fromCharCode(control[1].charCodeAt(0) - 96);
	return name;
}

// eslint-disable-next-line no-control-regex
const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])/g;

export function stripAnsi(text: string): string {
	return text.replace(ansi, '');
}

const tick = async (ms = 0) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

export type Terminal = {
	readonly columns: number;
	readonly rows: number;
	readonly stdout: FakeStdout;
	readonly stderr: FakeStderr;
	readonly instance: Instance;
	/** The last frame with its colours. */
	lastFrame(): string;
	/** The last frame as plain text. */
	text(): string;
	/** The last frame's lines, plain. */
	lines(): string[];
	/** Presses keys one after the other (names as in keyBytes), letting each render. */
	press(...keys: string[]): Promise<void>;
	/** Types text as separate key presses. */
	type(text: string): Promise<void>;
	/** Sends bytes in one chunk, as a paste or a fast remote typist would. */
	write(data: string): Promise<void>;
	resize(columns: number, rows: number): Promise<void>;
	/** Polls the plain frame until it contains the text (or the predicate holds), or throws with the frame. */
	waitFor(expected: string | RegExp | ((text: string) => boolean), timeoutMs?: number): Promise<string>;
	settle(): Promise<void>;
	unmount(): void;
};

export function renderTerminal(node: ReactElement, options: {columns: number; rows: number}): Terminal {
	const stdout = new FakeStdout(options.columns, options.rows);
	const stderr = new FakeStderr();
	const stdin = new FakeStdin();
	const instance = render(node, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		// Every frame written whole and at once, as ink-testing-library does.
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const lastFrame = () => stdout.frames.at(-1) ?? '';
	const text = () => stripAnsi(lastFrame());
	const settle = async () => {
		await tick();
		await tick();
	};
	const terminal: Terminal = {
		get columns() {
			return stdout.columns;
		},
		get rows() {
			return stdout.rows;
		},
		stdout,
		stderr,
		instance,
		lastFrame,
		text,
		lines: () => text().split('\n'),
		async press(...keys) {
			for (const key of keys) {
				stdin.write(keyBytes(key));
				// A lone Esc is held by Ink for 20 ms in case a sequence follows.
				await tick(key === 'esc' ? 40 : 0);
				await settle();
			}
		},
		async type(value) {
			for (const character of value) await terminal.press(character === ' ' ? 'space' : character);
		},
		async write(data) {
			stdin.write(data);
			await settle();
		},
		async resize(columns, rows) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
			await settle();
		},
		async waitFor(expected, timeoutMs = 10_000) {
			const matches =
				typeof expected === 'function'
					? expected
					: typeof expected === 'string'
						? (value: string) => value.includes(expected)
						: (value: string) => expected.test(value);
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const current = text();
				if (matches(current)) return current;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(expected)}; the frame was:\n${current}`);
				await tick(10);
			}
		},
		settle,
		unmount() {
			instance.unmount();
			instance.cleanup();
		},
	};
	return terminal;
}
