/**
 * Builds the console's services from the bootstrapped app: the keymap with the config's
 * overrides (a bad override is a KeymapError naming it), the theme from the environment and the
 * config, and the notification settings after --no-notify.
 */
import type {ActionLayer} from '../../actions/layer.js';
import type {PipetopConfig} from '../../config/types.js';
import type {FleetEngine} from '../../engine/types.js';
import {consoleKeymap, selectionFor, viewTitle} from '../views/registry.js';
import {themeFor} from '../render/theme.js';
import {createUiStore, type UiStore} from '../model/ui-store.js';
import type {ConfigFile, ConsoleServices} from './services.js';

export type ServiceParts = {
	engine: FleetEngine;
	config?: PipetopConfig;
	configFile?: ConfigFile;
	readOnly?: (profile: string) => boolean;
	now?: () => number;
	env?: Record<string, string | undefined>;
	/** --no-notify. */
	notify?: boolean;
	writeRaw?: (text: string) => void;
	actionLayer?: ActionLayer;
	ui?: UiStore;
	freezeRecordPath?: string;
};

export function createConsoleServices(parts: ServiceParts): ConsoleServices {
	const config = parts.config ?? {};
	const env = parts.env ?? {};
	const notify = parts.notify ?? true;
	return {
		store: parts.engine.store,
		engine: parts.engine,
		ui: parts.ui ?? createUiStore(),
		keymap: consoleKeymap(config.keys),
		views: {selectionFor, title: viewTitle},
		theme: themeFor(env, config.theme?.color),
		now: parts.now ?? Date.now,
		readOnly: parts.readOnly ?? (() => Boolean(config.readOnly)),
		config,
		configFile: parts.configFile,
		notifications: {
			bell: notify && (config.notifications?.bell ?? true),
			desktop: notify && (config.notifications?.desktop ?? true),
		},
		writeRaw: parts.writeRaw ?? (() => undefined),
		env,
		actionLayer: parts.actionLayer,
		...(parts.freezeRecordPath ? {freezeRecordPath: parts.freezeRecordPath} : {}),
	};
}
