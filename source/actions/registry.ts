import {approveAction} from './approve.js';
import {overrideAction} from './override.js';
import type {ActionModule} from './plan.js';
import {retryAction} from './retry.js';
import {rollbackAction} from './rollback.js';
import {startAction} from './start.js';
import {stopAction} from './stop.js';
import {transitionAction} from './transition.js';
import type {OperatorCommand} from './types.js';

/** Every operator action by command name: the one table the console and the subcommands share. */
export const actionModules: Record<OperatorCommand, ActionModule> = {
	approve: approveAction,
	retry: retryAction,
	stop: stopAction,
	start: startAction,
	transition: transitionAction,
	rollback: rollbackAction,
	override: overrideAction,
};
