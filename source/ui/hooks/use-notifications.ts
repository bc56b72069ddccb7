/**
 * Rings the bell and sends a desktop notification (OSC 9) when a pipeline in view starts to
 * fail or to wait for approval, per the config's `notifications` (off with --no-notify).
 */
import {useEffect} from 'react';
import {useServices} from '../shell/services.js';
import {alertMessage, alertSequence, detectAlerts} from '../notify.js';
import {viewPredicate} from '../model/filter.js';

export function useNotifications(): void {
	const {store, ui, notifications, writeRaw, env} = useServices();
	useEffect(() => {
		if (!notifications.bell && !notifications.desktop) return;
		return store.subscribe((next, previous) => {
			const {filter, scope} = ui.getState();
			const alerts = detectAlerts(previous, next, viewPredicate(filter, scope));
			if (alerts.length === 0) return;
			writeRaw(alertSequence(alerts, notifications, env));
			ui.dispatch({type: 'message', text: alertMessage(alerts), kind: 'error', at: Date.now()});
		});
	}, [store, ui, notifications, writeRaw, env]);
}
