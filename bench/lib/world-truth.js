/**
 * What the embedded service knows to be true, to hold pipetop's store against: which pipelines
 * run right now, and when each execution started. Read straight from the world (same process).
 */

/** @param {object} world a World from dist/sim/world */
export function worldTruth(world) {
	const pipelines = new Map();
	for (const {profile, accountId, region, name} of world.pipelines()) pipelines.set(`${profile}/${region}/${name}`, world.region(accountId, region).pipelines.get(name));
	return {
		keys: [...pipelines.keys()],
		/** True while any execution of the pipeline is still under way. */
		running(key) {
			const executions = pipelines.get(key)?.executions ?? [];
			for (let index = executions.length - 1; index >= 0; index--) if (executions[index].where !== 'done') return true;
			return false;
		},
		/** Executions that started within [from, to): {key, id, startTime}. */
		startedBetween(from, to) {
			const out = [];
			for (const [key, pipeline] of pipelines) {
				for (const execution of pipeline.executions) if (execution.startTime >= from && execution.startTime < to) out.push({key, id: execution.id, startTime: execution.startTime});
			}
			return out;
		},
	};
}
