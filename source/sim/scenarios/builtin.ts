/** The built-in scenarios: 'demo' (a lively fleet) and 'empty' (the demo's accounts, no pipelines). */

import type {Scenario} from '../contract.js';
import {DEMO_ACCOUNTS, demoScenario} from './demo.js';

export function builtinScenario(name: 'demo' | 'empty'): Scenario {
	if (name === 'demo') return demoScenario();
	if (name === 'empty') return {accounts: DEMO_ACCOUNTS.map(account => ({...account, regions: [...account.regions]})), pipelines: []};
	throw new Error(`unknown built-in scenario "${String(name)}" (have: demo, empty)`);
}
