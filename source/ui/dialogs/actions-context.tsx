import {createContext, useContext, type ReactNode} from 'react';
import type {ActionLayer} from '../../actions/layer.js';

/**
 * The action layer for the dialogs. The console puts it above its views once, next to the store
 * and engine; dialogs read it here instead of receiving it through every view.
 */
const ActionLayerContext = createContext<ActionLayer | undefined>(undefined);

export function ActionLayerProvider(props: {layer: ActionLayer; children?: ReactNode}) {
	return <ActionLayerContext.Provider value={props.layer}>{props.children}</ActionLayerContext.Provider>;
}

export function useActionLayer(): ActionLayer {
	const layer = useContext(ActionLayerContext);
	if (!layer) throw new Error('ActionDialog needs an ActionLayerProvider above it');
	return layer;
}
