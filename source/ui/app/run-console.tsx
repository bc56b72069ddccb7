/**
 * The console's run: bootstrap the app, build the services (a bad key override is a usage
 * error), start the engine and hold the terminal until the operator quits.
 */
import {render} from 'ink';
import {createActionLayer} from '../../actions/create.js';
import {bootstrap} from '../../app/bootstrap.js';
import {UsageError, type CommandContext} from '../../cli/context.js';
import {RealClock} from '../../shared/clock.js';
import {KeymapError} from '../keymap.js';
import {ConsoleApp} from './console-app.js';
import {createConsoleServices} from './create-services.js';

/**
 * Store updates at least this far apart (real ms). Every flush runs every view's selectors, and
 * a big quiet fleet answers ~40 calls a second: the engine's default 25 ms meant a flush per
 * answer. A tenth of a second is still three frames at most behind the answer, which is
 * seconds to a minute old already when it arrives (the poll cadence).
 */
const CONSOLE_FLUSH_MS = 100;

export async function runConsole(context: CommandContext): Promise<number> {
	const {stdin, stdout, stderr} = context;
	const clock = new RealClock();
	const app = await bootstrap(context, {clock, engine: {flushIntervalMs: CONSOLE_FLUSH_MS}});
	try {
		let services;
		try {
			services = createConsoleServices({
				engine: app.engine,
				config: app.config,
				readOnly: app.readOnly,
				now: () => clock.now(),
				env: context.env,
				notify: context.flags.notify,
				writeRaw: text => stdout.write(text),
				actionLayer: createActionLayer(app, {via: 'console', clock, env: context.env, readOnlyFlag: context.flags.readOnly}),
			});
		} catch (error) {
			if (error instanceof KeymapError) throw new UsageError(`${app.configPath ?? 'config'}: ${error.message}`);
			throw error;
		}
		if (app.warnings.length > 0) services.ui.dispatch({type: 'message', text: app.warnings.join('; '), kind: 'error', at: Date.now()});
		else if (app.notes.length > 0) services.ui.dispatch({type: 'message', text: app.notes.join('; '), kind: 'info', at: Date.now()});
		app.engine.start();
		const instance = render(<ConsoleApp services={services} />, {
			stdout,
			stdin,
			stderr,
			alternateScreen: true,
			// Both ends are terminals (console-command refuses otherwise). Ink would still go quiet
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
	} finally {
		await app.close();
		clock.clearAll();
	}
	return 0;
}
