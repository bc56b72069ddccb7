/**
 * `pipetop` with no subcommand: the full-screen console on the alternate screen. It refuses to
 * start without a terminal on both ends (scripts want `pipetop status`), and always leaves the
 * terminal as it found it (Ink restores it on quit, Ctrl-C and signals).
 */
import type {Command} from '../cli/context.js';

export const consoleCommand: Command = async context => {
	const {stdin, stdout, stderr} = context;
	if (!stdin.isTTY || !stdout.isTTY) {
		stderr.write(
			'pipetop: the console needs a terminal on stdin and stdout.\n' +
				'  For a snapshot (or scripts and pipes) use: pipetop status [--json]\n',
		);
		return 2;
	}
	// React chooses its build when first loaded: the development one checks much more on every
	// render. Nothing has loaded React yet, so the console's own modules come after this line.
	process.env.NODE_ENV ??= 'production';
	const {runConsole} = await import('./app/run-console.js');
	return runConsole(context);
};
