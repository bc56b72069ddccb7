/** The keys that apply now, generated from the keymap (disabled ones are left out). */
import {useStore} from 'zustand';
import {availabilityContext} from '../shell/availability.js';
import {useServices} from '../shell/services.js';
import {keyLabel, type CommandSpec, type Keymap} from '../keymap.js';
import {displayWidth} from '../render/text.js';
import {paint, type Segment} from '../render/theme.js';
import {topOf, type UiState} from '../model/ui-store.js';
import type {ConsoleServices} from '../shell/services.js';
import type {FleetState} from '../../store/types.js';
import {Row} from './rows.js';

// Help and quit first (they explain and end the rest), then what acts on the selection, then the general keys.
function footerRank(spec: CommandSpec): number {
	if (spec.command === 'help' || spec.command === 'quit') return 0;
	if (spec.operator) return 1;
	if (spec.command === 'open') return 2;
	if (spec.command === 'filter' || spec.command === 'search') return 4;
	if (spec.command === 'command') return 5;
	if (spec.command === 'back') return 6;
	return 3;
}

function footerSegments(specs: readonly CommandSpec[], width: number, ascii: boolean): Segment[] {
	const out: Segment[] = [];
	let used = 0;
	for (const spec of [...specs].sort((a, b) => footerRank(a) - footerRank(b))) {
		const key = keyLabel({...spec, keys: spec.keys.slice(0, 1)}, ascii);
		const piece = displayWidth(key) + 1 + displayWidth(spec.label) + (out.length > 0 ? 2 : 0);
		if (used + piece > width) break;
		if (out.length > 0) out.push({text: '  '});
		out.push({text: key, bold: true, color: 'cyan'}, {text: ` ${spec.label}`, dim: true});
		used += piece;
	}
	return out;
}

/** The commands that apply now, as a string of names: a primitive, so the footer renders only when it changes. */
function applicableCommands(
	keymap: Keymap,
	views: ConsoleServices['views'],
	ui: UiState,
	fleet: FleetState,
	readOnly: (profile: string) => boolean,
): string {
	const view = topOf(ui).kind;
	const context = availabilityContext(view, views.selectionFor(ui, fleet), fleet, readOnly, ui.marks);
	return keymap.specs
		.filter(spec => spec.hint && spec.views.includes(view) && !spec.disabled?.(context))
		.map(spec => spec.command)
		.join(' ');
}

export function Footer({width}: {width: number}) {
	const {store, ui, keymap, views, theme, readOnly} = useServices();
	const uiState = useStore(ui, state => state);
	const names = useStore(store, state => applicableCommands(keymap, views, uiState, state, readOnly));
	const wanted = new Set(names.split(' '));
	const applicable = keymap.specs.filter(spec => wanted.has(spec.command));
	return <Row text={paint(footerSegments(applicable, width, theme.ascii), theme)} />;
}
