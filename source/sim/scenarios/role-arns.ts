/**
 * Scenario definitions may name a role without an account id (`arn:aws:iam::role/Name`, as the
 * seed document and some tutorials do). CreatePipeline refuses that, as AWS does; a scenario is
 * not an API call, so the loader fills in the account's id and says so once (see checkScenario).
 */

const WITHOUT_ACCOUNT = /^(arn:aws(?:-[\w]+)*:iam::)(role\/.*)$/;

type Json = Record<string, unknown>;

function fill(value: unknown, accountId: string): unknown {
	if (typeof value !== 'string') return value;
	const match = WITHOUT_ACCOUNT.exec(value);
	return match ? `${match[1]}${accountId}:${match[2]}` : value;
}

/**
 * The definition with the pipeline's and its actions' role ARNs given the account id, or the
 * same object when none lacked it (so an untouched scenario is never copied).
 */
export function fillRoleArnAccounts<T extends {pipeline?: unknown}>(definition: T, accountId: string): {definition: T; filled: boolean} {
	const pipeline = definition.pipeline as Json | undefined;
	if (typeof pipeline !== 'object' || pipeline === null) return {definition, filled: false};
	const stages = Array.isArray(pipeline.stages) ? (pipeline.stages as Json[]) : [];
	const actions = stages.flatMap(stage => (Array.isArray(stage?.actions) ? (stage.actions as Json[]) : []));
	const lacking = [pipeline, ...actions].some(holder => holder?.roleArn !== fill(holder?.roleArn, accountId));
	if (!lacking) return {definition, filled: false};
	const copy = structuredClone(definition);
	const copied = copy.pipeline as Json;
	copied.roleArn = fill(copied.roleArn, accountId);
	for (const stage of (copied.stages as Json[]) ?? []) {
		for (const action of (Array.isArray(stage?.actions) ? (stage.actions as Json[]) : [])) if (action?.roleArn !== undefined) action.roleArn = fill(action.roleArn, accountId);
	}
	return {definition: copy, filled: true};
}

/** The one line said when any definition was filled in. */
export function filledNote(names: string[]): string {
	const list = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
	return `pipetop sim: ${list}: roleArn has no account id (arn:aws:iam::role/...); the account's id was filled in. CreatePipeline refuses such an ARN, as AWS does.\n`;
}
