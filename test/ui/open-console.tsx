/**
 * The console on a fleet harness: the real engine on the embedded service, rendered into a fake
 * terminal of a given size. What the tests see is the frame a user would see.
 */
import {join} from 'node:path';
import {createActionLayer} from '../../source/actions/create.js';
import type {PipetopConfig} from '../../source/config/types.js';
import {ConsoleApp} from '../../source/ui/shell/console-app.js';
import {createConsoleServices} from '../../source/ui/shell/create-services.js';
import type {ConfigFile, ConsoleServices} from '../../source/ui/shell/services.js';
import type {FleetHarness} from '../helpers/fleet-harness.js';
import {renderTerminal, type Terminal} from '../helpers/render-terminal.js';

export type OpenConsole = {
	terminal: Terminal;
	services: ConsoleServices;
	/** Bells and OSC sequences written outside the frame. */
	raw: string[];
	/**
	 * Lets the engine finish what the console asked for (a second of virtual time: reads wait
	 * for the source's request budget), then lets Ink render.
	 */
	settle(virtualMs?: number): Promise<void>;
	close(): void;
};

export function openConsole(
	fleet: FleetHarness,
	options: {columns: number; rows: number; env?: Record<string, string | undefined>; config?: PipetopConfig; notify?: boolean; configFile?: ConfigFile; freezeRecordPath?: string},
): OpenConsole {
	const raw: string[] = [];
	const config = options.config ?? {};
	const readOnly = (profile: string) => Boolean(config.readOnly) || (config.readOnlyProfiles ?? []).includes(profile);
	const services = createConsoleServices({
		engine: fleet.engine,
		config,
		configFile: options.configFile,
		readOnly,
		now: () => fleet.clock.now(),
		env: options.env ?? {TERM: 'xterm-256color', LANG: 'C.UTF-8'},
		notify: options.notify,
		writeRaw: text => raw.push(text),
		actionLayer: createActionLayer(
			{engine: fleet.engine, config: {auditLog: join(fleet.dir, 'audit.jsonl')}, readOnly, apiFor: key => fleet.engine.apiFor(key)},
			{via: 'console', clock: fleet.clock, env: fleet.env},
		),
		...(options.freezeRecordPath ? {freezeRecordPath: options.freezeRecordPath} : {}),
	});
	const terminal = renderTerminal(<ConsoleApp services={services} />, {columns: options.columns, rows: options.rows});
	return {
		terminal,
		services,
		raw,
		async settle(virtualMs = 1000) {
			await terminal.settle();
			await fleet.advance(virtualMs);
			await terminal.settle();
		},
		close: () => terminal.unmount(),
	};
}

/** Opens one pipeline's view with the `:pipeline NAME` prompt, as a user would. */
export async function openPipeline(console_: OpenConsole, name: string): Promise<void> {
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type(`pipeline ${name}`);
	await console_.terminal.press('enter');
	await console_.settle();
}
