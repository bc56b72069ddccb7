/**
 * `pipetop` with no subcommand: the full-screen console on the alternate screen. It refuses to
 * start without a terminal on both ends (scripts want `pipetop status`), bootstraps the app, hands
 * the engine to the ui and always leaves the terminal as it found it (Ink restores it on quit,
 * Ctrl-C and signals).
 */
import {createActionLayer} from '../actions/create.js';
import {bootstrap} from '../app/bootstrap.js';
import type {Command} from '../app/context.js';
import {freezeRecordPath} from '../actions/freeze-record.js';
import {UsageError} from '../config/usage-error.js';
import {defaultConfigPath} from '../config/load.js';
import {RealClock} from '../shared/clock.js';

/**
 * Store updates at least this far apart (real ms). Every flush runs every view's selectors, and
 * a big quiet fleet answers ~40 calls a second: the engine's default 25 ms meant a flush per
 * answer. A tenth of a second is still three frames at most behind the answer, which is
 * seconds to a minute old already when it arrives (the poll cadence).
 */
const CONSOLE_FLUSH_MS = 100;

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
	// render. Nothing has loaded React yet, so the console's own modules are imported after this line.
	process.env.NODE_ENV ??= 'production';
	const clock = new RealClock();
	const app = await bootstrap(context, {clock, engine: {flushIntervalMs: CONSOLE_FLUSH_MS}});
	try {
		const ui = await import('../ui/mount.js');
		try {
			await ui.mountConsole(
				{
					engine: app.engine,
					config: app.config,
					configFile: {path: app.configPath ?? defaultConfigPath(context.env), found: app.configPath !== undefined},
					readOnly: app.readOnly,
					now: () => clock.now(),
					env: context.env,
					notify: context.flags.notify,
					warnings: app.warnings,
					actionLayer: createActionLayer(app, {via: 'console', clock, env: context.env, readOnlyFlag: context.flags.readOnly}),
					freezeRecordPath: freezeRecordPath(context.env, context.flags.demo),
				},
				{stdin, stdout, stderr},
			);
		} catch (error) {
			if (error instanceof ui.KeymapError) throw new UsageError(`${app.configPath ?? 'config'}: ${error.message}`);
			throw error;
		}
	} finally {
		await app.close();
		clock.clearAll();
	}
	return 0;
};
