/**
 * The console's frame: header (2 lines), the body (view or dialog), the status line and the
 * footer, exactly as tall as the terminal. Below the minimum size, one line says so.
 */
import {Box, useApp} from 'ink';
import {useRef} from 'react';
import {KeyPriority, useKeyLayer} from '../input/key-layers.js';
import {useStore} from 'zustand';
import {Footer} from '../components/footer.js';
import {Header} from '../components/header.js';
import {StatusLine} from '../components/status-line.js';
import {TooSmall} from '../components/too-small.js';
import {useNotifications} from '../hooks/use-notifications.js';
import {positionFor} from '../views/registry.js';
import {Body} from './body.js';
import {usePromptKeys} from './prompt-keys.js';
import {useServices} from './services.js';
import {useShellKeys} from './shell-keys.js';
import {useChooserKeys} from './target-keys.js';
import {minimumSize, useTerminalSize} from './size.js';

/**
 * While the terminal is too small nothing is on screen to act on: every key but quit is dropped,
 * so no key acts unseen (a retry dialog opened blind, say). Above the dialog and the prompt.
 */
function useTooSmallGuard(tooSmall: boolean): void {
	const {keymap} = useServices();
	const {exit} = useApp();
	const current = useRef(tooSmall);
	current.current = tooSmall;
	useKeyLayer(KeyPriority.global - 1, event => {
		if (!current.current) return false;
		const command = event.name === undefined ? undefined : keymap.commandFor(event.name, 'fleet')?.command;
		if (command === 'quit') exit();
		return true;
	});
}

/** Lines the frame spends outside the body. */
export const chromeLines = 4;

function Position({width}: {width: number}) {
	const {store, ui} = useServices();
	const position = useStore(store, state => positionFor(ui.getState(), state));
	// Subscribed to the console state too, so the position follows the cursor and the filter.
	useStore(ui, state => state);
	return <StatusLine width={width} position={position} />;
}

export function Shell() {
	const {columns, rows} = useTerminalSize();
	const tooSmall = columns < minimumSize.columns || rows < minimumSize.rows;
	useShellKeys();
	usePromptKeys();
	useChooserKeys();
	useNotifications();
	useTooSmallGuard(tooSmall);
	if (tooSmall) return <TooSmall />;
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Header width={columns} />
			<Body width={columns} height={rows - chromeLines} />
			<Position width={columns} />
			<Footer width={columns} />
		</Box>
	);
}
