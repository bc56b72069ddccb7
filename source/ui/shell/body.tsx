/**
 * The view on top of the stack, and above it the operator dialog while one is open. The view
 * stays mounted (hidden) under the dialog, so its log tailing and cursor survive.
 */
import {Box} from 'ink';
import type {ComponentType} from 'react';
import type {ViewProps} from '../views/view.js';
import {useStore} from 'zustand';
import {ActionDialog} from '../dialogs/action-dialog.js';
import {ChooserPanel} from '../components/chooser-panel.js';
import {BulkDialog} from '../dialogs/bulk-dialog.js';
import {useEffect} from 'react';
import {loadFrozen} from '../dialogs/freeze-in-console.js';
import {topOf} from '../model/ui-store.js';
import {viewOf, type ViewEntry} from '../views/registry.js';
import {useServices} from './services.js';

function View({entry, width, height}: {entry: ViewEntry; width: number; height: number}) {
	const Component = viewOf(entry.kind).component as ComponentType<ViewProps<ViewEntry>>;
	return <Component entry={entry} width={width} height={height} />;
}

export function Body({width, height}: {width: number; height: number}) {
	const services = useServices();
	const {ui, engine} = services;
	useEffect(() => {
		void loadFrozen(services);
	}, []);
	const bulk = useStore(ui, state => state.bulk);
	// `:freeze` where there is no action layer (a console made for tests or viewing only).
	useEffect(() => {
		if (!bulk || services.actionLayer) return;
		ui.dispatch({type: 'closeBulk'});
		ui.dispatch({type: 'message', text: 'operator actions are not available here', kind: 'error', at: services.now()});
	}, [bulk]);
	const closeBulk = (sent: boolean) => {
		const request = ui.getState().bulk;
		ui.dispatch({type: 'closeBulk'});
		// Once sent, the marks have done their job (k9s clears them too); cancelled, they stay.
		if (sent) ui.dispatch({type: 'clearMarks'});
		for (const key of request?.keys ?? []) engine.refresh(key);
	};
	const entry = useStore(ui, state => topOf(state));
	const depth = useStore(ui, state => state.stack.length);
	const modal = useStore(ui, state => state.modal);
	const choosing = useStore(ui, state => state.chooser !== undefined && state.modal === undefined);
	const close = () => {
		const request = ui.getState().modal;
		ui.dispatch({type: 'closeModal'});
		// Whatever the dialog did, the pipeline is worth reading again now.
		if (request) engine.refresh(request.pipelineKey);
	};
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box display={modal || choosing || bulk ? 'none' : 'flex'} flexDirection="column" height={height}>
				{/* A new key per depth: a pushed view mounts fresh, a popped one is gone. */}
				<View key={`${depth}:${entry.kind}`} entry={entry} width={width} height={height} />
			</Box>
			{modal ? (
				<Box flexDirection="column" height={height} overflow="hidden">
					<ActionDialog request={modal} onClose={close} maxDetailLines={Math.max(2, height - 12)} />
				</Box>
			) : null}
			{choosing ? <ChooserPanel width={width} height={height} /> : null}
			{bulk && !modal && services.actionLayer ? (
				<Box flexDirection="column" height={height} overflow="hidden">
					<BulkDialog request={bulk} onClose={closeBulk} maxLines={height} />
				</Box>
			) : null}
		</Box>
	);
}
