/**
 * A terminal in memory for the console under test: a TTY-like stdout of a fixed size that
 * records when each write lands, and a stdin that takes key bytes. Enough for Ink's full-screen
 * mode (`interactive: true`), nothing more.
 */
import {EventEmitter} from 'node:events';

const SYNC_BEGIN = '\u001B[?2026h';
const SYNC_END = '\u001B[?2026l';

export class MemoryStdout extends EventEmitter {
	isTTY = true;
	/** performance.now() of every non-empty write, and its size. */
	writes = [];
	bytes = 0;
	onWrite = undefined;

	constructor(columns, rows) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write(chunk, encoding, callback) {
		const text = typeof chunk === 'string' ? chunk : String(chunk);
		// Ink wraps each frame in begin/end synchronized-update marks, written apart: one frame, one write.
		if (text.length > 0 && text !== SYNC_BEGIN && text !== SYNC_END) {
			const at = performance.now();
			this.writes.push(at);
			this.bytes += text.length;
			this.onWrite?.(at, text);
		}
		const done = typeof encoding === 'function' ? encoding : callback;
		if (typeof done === 'function') queueMicrotask(done);
		return true;
	}

	getColorDepth() {
		return 8;
	}

	hasColors() {
		return true;
	}
}

export class MemoryStdin extends EventEmitter {
	isTTY = true;
	pending = [];

	/** Delivers bytes the way a TTY in raw mode does: readable, then read() until empty. */
	press(bytes) {
		this.pending.push(bytes);
		this.emit('readable');
		this.emit('data', bytes);
	}

	read() {
		return this.pending.shift() ?? null;
	}

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export const KEYS = {down: '\u001B[B', up: '\u001B[A', enter: '\r', esc: '\u001B'};
