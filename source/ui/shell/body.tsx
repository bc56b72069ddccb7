/**
 * The view on top of the stack, and above it the operator dialog while one is open. The view
 * stays mounted (hidden) under the dialog, so its log tailing and cursor survive.
 */
import {Box} from 'ink';
import {useStore} from 'zustand';
import {ActionDialog} from '../dialogs/action-dialog.js';
import {topOf, type ViewEntry} from '../model/ui-store.js';
import {DefinitionView} from '../views/definition-view.js';
import {ExecutionView} from '../views/execution-view.js';
import {FleetView} from '../views/fleet-view.js';
import {HelpView} from '../views/help-view.js';
import {HistoryView} from '../views/history-view.js';
import {LogsView} from '../views/logs-view.js';
import {PipelineView} from '../views/pipeline-view.js';
import {SourcesView} from '../views/sources-view.js';
import {useServices} from './services.js';

function View({entry, width, height}: {entry: ViewEntry; width: number; height: number}) {
	switch (entry.kind) {
		case 'fleet':
			return <FleetView entry={entry} width={width} height={height} />;
		case 'pipeline':
			return <PipelineView entry={entry} width={width} height={height} />;
		case 'history':
			return <HistoryView entry={entry} width={width} height={height} />;
		case 'execution':
			return <ExecutionView entry={entry} width={width} height={height} />;
		case 'logs':
			return <LogsView entry={entry} width={width} height={height} />;
		case 'definition':
			return <DefinitionView entry={entry} width={width} height={height} />;
		case 'sources':
			return <SourcesView entry={entry} width={width} height={height} />;
		case 'help':
			return <HelpView entry={entry} width={width} height={height} />;
	}
}

export function Body({width, height}: {width: number; height: number}) {
	const {ui, engine} = useServices();
	const entry = useStore(ui, state => topOf(state));
	const depth = useStore(ui, state => state.stack.length);
	const modal = useStore(ui, state => state.modal);
	const close = () => {
		const request = ui.getState().modal;
		ui.dispatch({type: 'closeModal'});
		// Whatever the dialog did, the pipeline is worth reading again now.
		if (request) engine.refresh(request.pipelineKey);
	};
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box display={modal ? 'none' : 'flex'} flexDirection="column" height={height}>
				{/* A new key per depth: a pushed view mounts fresh, a popped one is gone. */}
				<View key={`${depth}:${entry.kind}`} entry={entry} width={width} height={height} />
			</Box>
			{modal ? (
				<Box flexDirection="column" height={height} overflow="hidden">
					<ActionDialog request={modal} onClose={close} maxDetailLines={Math.max(2, height - 12)} />
				</Box>
			) : null}
		</Box>
	);
}
