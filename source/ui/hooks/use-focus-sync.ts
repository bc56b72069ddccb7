/**
 * Tells the engine which pipelines are on screen, so they get the active polling cadence. Only
 * when the set changes: scrolling within the same rows costs nothing.
 */
import {useEffect} from 'react';
import {useServices} from '../shell/services.js';

export function useFocusSync(keys: readonly string[]): void {
	const {engine} = useServices();
	const signature = keys.join('\n');
	useEffect(() => {
		engine.setFocus(signature === '' ? [] : signature.split('\n'));
	}, [engine, signature]);
}
