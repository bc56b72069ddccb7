/**
 * The world of the embedded CodePipeline-compatible service: what the HTTP front (source/sim/http)
 * and the CLI code against.
 */

import {readFileSync} from 'node:fs';
import type {Clock} from '../../shared/clock.js';
import type {Scenario} from '../contract.js';
import {resolveDefinitionFiles} from '../scenarios/load.js';
import {filledNote} from '../scenarios/role-arns.js';
import {checkScenario} from '../scenarios/validate.js';
import {World, type WorldOptions} from './world.js';

export {World, type WorldOptions, type WorldStats} from './world.js';
export {loadScenario} from '../scenarios/load.js';
export {builtinScenario} from '../scenarios/builtin.js';
export {accountKeys} from './keys.js';

/**
 * A world for a scenario, moved by `clock`. A scenario built in code may still use
 * `definitionFile` (resolved against the working directory); loadScenario resolves files against
 * the scenario file instead. Throws Error naming the problem when the scenario is not valid.
 */
export function createWorld(options: {scenario: Scenario; clock: Clock; seed?: number; note?: (line: string) => void} & Omit<WorldOptions, 'scenario' | 'clock' | 'seed'>): World {
	// Copied only when definition files are to be read into it: the caller's object stays as it was.
	const needsFiles = options.scenario.pipelines?.some(pipeline => (pipeline as {definitionFile?: unknown}).definitionFile !== undefined);
	const scenario = needsFiles ? structuredClone(options.scenario) : options.scenario;
	if (needsFiles) resolveDefinitionFiles(scenario, process.cwd(), 'scenario', path => readFileSync(path, 'utf8'));
	const filled: string[] = [];
	const declarations = checkScenario(scenario, 'scenario', filled);
	// Said once per world, on stderr unless the caller takes the note (tests, the console's demo).
	if (filled.length > 0) (options.note ?? (line => process.stderr.write(line)))(filledNote(filled));
	return new World({...options, scenario}, declarations);
}
