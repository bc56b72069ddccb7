/** `pipetop events check|template`: the change feed's queue checked, and its AWS setup printed. */

import type {Command} from '../app/context.js';
import {UsageError} from '../config/usage-error.js';

export const eventsCommand: Command = async context => {
	const [what, ...args] = context.args;
	const rest = {...context, args};
	if (what === 'check') return (await import('./events-check.js')).runEventsCheck(rest);
	if (what === 'template') return (await import('./events-template.js')).runEventsTemplate(rest);
	throw new UsageError(`events needs check or template${what ? ` (got "${what}")` : ''} (try: pipetop events --help)`);
};
