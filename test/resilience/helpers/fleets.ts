/**
 * Small lively fleets for resilience tests: three sources across two accounts, pipelines that
 * start new executions every few minutes (so "the other sources keep updating" is something a
 * test can see), and a first load that takes well under a second.
 */

import type {Scenario, ScenarioPipeline} from '../../../source/sim/contract.js';
import {definition} from '../../engine/scenarios.js';

export const ALPHA = {profile: 'alpha', accountId: '111111111111', regions: ['us-east-1', 'eu-west-1']};
export const BETA = {profile: 'beta', accountId: '222222222222', regions: ['us-east-1']};

/** Source keys of the lively fleet. */
export const SOURCES = ['alpha/eu-west-1', 'alpha/us-east-1', 'beta/us-east-1'] as const;

export function livelyScenario(options: {perSource?: number; approval?: boolean} = {}): Scenario {
	const pipelines: ScenarioPipeline[] = [];
	for (const account of [ALPHA, BETA]) {
		for (const region of account.regions) {
			for (let index = 0; index < (options.perSource ?? 2); index++) {
				const name = `${account.profile}-${region}-${index}`;
				pipelines.push({
					profile: account.profile,
					region,
					definition: definition(name, account.accountId, region, {approval: options.approval && index === 0}),
					history: 2,
					// The first of each source runs every 3 minutes; the others only on demand.
					...(index === 0 && {startEverySeconds: 180}),
					behaviour: {'Build/Compile': {seconds: 40, outcomes: ['Succeeded']}, 'Deploy/Ship': {seconds: 30, outcomes: ['Succeeded']}},
				});
			}
		}
	}
	return {accounts: [ALPHA, BETA].map(account => ({...account, regions: [...account.regions]})), pipelines};
}
