/**
 * The console's root: context providers around the shell. Used by `pipetop` itself, the tests
 * (through test/helpers/render-terminal.tsx) and the frame exports for benchmarks.
 */
import type {ReactNode} from 'react';
import {ActionLayerProvider} from '../dialogs/actions-context.js';
import {KeyLayersProvider} from '../input/key-layers.js';
import {NowProvider, ServicesProvider, type ConsoleServices} from './services.js';
import {Shell} from './shell.js';
import {SizeProvider, type TerminalSize} from './size.js';

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
				<NowProvider now={services.now}>
					<KeyLayersProvider>{tree}</KeyLayersProvider>
				</NowProvider>
			</SizeProvider>
		</ServicesProvider>
	);
}
