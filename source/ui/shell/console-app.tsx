/**
 * The console's root: context providers around the shell. Used by `pipetop` itself, the tests
 * (through test/helpers/render-terminal.tsx) and the frame exports for benchmarks.
 */
import {useCallback, type ReactNode} from 'react';
import {ActionLayerProvider} from '../dialogs/actions-context.js';
import {KeyLayersProvider} from '../input/key-layers.js';
import {NowProvider, ServicesProvider, type ConsoleServices} from './services.js';
import {Shell} from './shell.js';
import {firstKeyLabel} from '../keymap.js';
import {shownTimes} from './shown-times.js';
import {SizeProvider, useTerminalSize, type TerminalSize} from './size.js';

export type ConsoleAppProps = {
	services: ConsoleServices;
	/** A fixed size instead of the terminal's (frame exports). */
	size?: TerminalSize;
};

export function ConsoleApp({services, size}: ConsoleAppProps) {
	let tree: ReactNode = <Shell />;
	if (services.actionLayer) tree = <ActionLayerProvider layer={services.actionLayer}>{tree}</ActionLayerProvider>;
	return (
		<ServicesProvider services={services}>
			<SizeProvider fixed={size}>
				<ScreenNow services={services}>
					<KeyLayersProvider>{tree}</KeyLayersProvider>
				</ScreenNow>
			</SizeProvider>
		</ServicesProvider>
	);
}

/** The clock, told what the screen shows at a given time (so an unchanged screen is not repainted). */
function ScreenNow({services, children}: {services: ConsoleServices; children: ReactNode}) {
	const size = useTerminalSize();
	const {store, ui, theme, now, keymap} = services;
	const sourcesKey = firstKeyLabel(keymap, 'sources', theme.ascii);
	const shows = useCallback((at: number) => shownTimes(store.getState(), ui.getState(), size, theme, at, sourcesKey), [store, ui, theme, size, sourcesKey]);
	const watch = useCallback(
		(recheck: (unknownToo: boolean) => void) => {
			// Any console change (view, cursor, filter) may bring other times on screen.
			const offUi = ui.subscribe(() => recheck(true));
			// A changed pipeline or source may show a new time; a newer poll time alone keeps both records.
			const offStore = store.subscribe((next, previous) => {
				if (next.pipelines !== previous.pipelines || next.sources !== previous.sources) recheck(false);
			});
			return () => {
				offUi();
				offStore();
			};
		},
		[store, ui],
	);
	return (
		<NowProvider now={now} shows={shows} watch={watch}>
			{children}
		</NowProvider>
	);
}
