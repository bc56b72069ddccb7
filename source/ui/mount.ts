/**
 * The console's one entry for the console subcommand: given an engine (already bootstrapped by
 * the command) and the terminal, it builds the console's services, mounts Ink on the alternate
 * screen and resolves when the operator quits. The ui never bootstraps an engine itself.
 * Plain TypeScript (createElement), so commands import no .tsx file.
 */
import {render} from 'ink';
import {createElement} from 'react';
import {ConsoleApp} from './shell/console-app.js';
import {createConsoleServices, type ServiceParts} from './shell/create-services.js';

export {KeymapError} from './keymap.js';

export type Terminal = {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream};

export type MountOptions = Omit<ServiceParts, 'writeRaw' | 'ui'> & {
	/** Shown on the status line at start (a profile skipped...). */
	warnings?: readonly string[];
};

/** Throws KeymapError for a bad `keys` override in the config, before anything is drawn. */
export async function mountConsole(options: MountOptions, terminal: Terminal): Promise<void> {
	const {warnings = [], ...parts} = options;
	const {stdin, stdout, stderr} = terminal;
	const services = createConsoleServices({...parts, writeRaw: text => stdout.write(text)});
	if (warnings.length > 0) services.ui.dispatch({type: 'message', text: warnings.join('; '), kind: 'error', at: services.now()});
	parts.engine.start();
	const instance = render(createElement(ConsoleApp, {services}), {
		stdout,
		stdin,
		stderr,
		alternateScreen: true,
		// Both ends are terminals (the console command refuses otherwise). Ink would still go quiet
		// when CI=true is in the environment (is-in-ci), leaving an operator a blank screen.
		interactive: true,
		// Only changed lines are rewritten: over SSH a cursor move costs less than a whole frame.
		incrementalRendering: true,
		maxFps: 30,
		// The console handles Ctrl-C itself so that it quits the same way as q (engine stopped after).
		exitOnCtrlC: false,
		patchConsole: true,
	});
	await instance.waitUntilExit();
}
