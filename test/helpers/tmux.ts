/**
 * A real terminal for end-to-end tests: a private tmux server (its own socket, no user config:
 * `tmux -L NAME -f /dev/null`), so a test never touches the user's sessions or key bindings.
 * Without tmux the tests fail in CI (CI=true: .ci/run installs it) and are skipped elsewhere,
 * with the reason.
 */
import {spawnSync} from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** Throws in CI when tmux is missing; elsewhere says whether the test can run. */
export function tmuxAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
	if (hasTmux) return true;
	if (env.CI) throw new Error('tmux is missing: the terminal tests need it (.ci/run installs it from Debian)');
	process.stderr.write('tmux is missing: skipping the terminal tests (apt-get install tmux)\n');
	return false;
}

export type TmuxServer = {
	run(...args: string[]): string;
	screen(session: string): string;
	/** Polls the screen until the check holds; fails with the screen after the time limit. */
	waitFor(session: string, what: string, check: (text: string) => boolean, timeoutMs?: number): Promise<string>;
	kill(): void;
};

export function privateTmux(name: string): TmuxServer {
	const socket = `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const run = (...args: string[]): string => {
		const result = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
		if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
		return result.stdout;
	};
	const screen = (session: string) => run('capture-pane', '-p', '-t', session);
	return {
		run,
		screen,
		async waitFor(session, what, check, timeoutMs = 30_000) {
			// A real program on real time: the limit is generous, the poll is what ends the wait.
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const text = screen(session);
				if (check(text)) return text;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
				await new Promise(resolve => setTimeout(resolve, 100));
			}
		},
		kill() {
			spawnSync('tmux', ['-L', socket, '-f', '/dev/null', 'kill-server']);
		},
	};
}
