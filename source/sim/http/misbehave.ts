/**
 * A misbehaving endpoint, for resilience tests: answers that parse as JSON but break the
 * model's promises (enum values nobody knows, members of the wrong type, names AWS would refuse).
 * Unlike malformedRate, which damages an answer beyond reading, these test how far a client can
 * still show what it got.
 */

import type {Misbehaviour} from '../contract.js';

/** Members the CodePipeline, CodeBuild and Logs models declare as enums (or closed sets). */
const ENUM_MEMBERS = new Set(['status', 'category', 'owner', 'triggerType', 'executionMode', 'pipelineType', 'executionType', 'buildStatus', 'currentPhase', 'phaseStatus', 'transitionType', 'retryMode', 'type']);

/** The value an unknown enum member gets: clearly not from any model, and stable. */
export const UNKNOWN_ENUM_VALUE = 'FutureValue2099';

/** Names are members with these keys. */
const NAME_MEMBERS = new Set(['name', 'pipelineName', 'stageName', 'actionName']);

const WRONG_TYPE: Record<string, unknown> = {
	string: 12345,
	number: 'not-a-number',
	boolean: 'yes',
	object: 'not-an-object',
	array: {unexpected: 'not-a-list'},
	null: 0,
};

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rebuilds a JSON value, letting `visit` replace each member (key, value) of every object. */
function mapMembers(value: unknown, visit: (key: string, member: unknown) => unknown): unknown {
	if (Array.isArray(value)) return value.map(item => mapMembers(item, visit));
	if (!isRecord(value)) return value;
	const out: Record<string, unknown> = {};
	for (const [key, member] of Object.entries(value)) out[key] = visit(key, mapMembers(member, visit));
	return out;
}

/** Throws RangeError on settings that make no sense, like validateFaults does. */
export function validateMisbehaviour(misbehave: Misbehaviour): void {
	const rate = misbehave.unknownEnums;
	if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new RangeError(`misbehave.unknownEnums must be between 0 and 1, got ${rate}`);
	for (const [real, shown] of Object.entries(misbehave.renames ?? {})) {
		if (real === '' || shown === '') throw new RangeError('misbehave.renames: names must not be empty');
	}
	const shown = Object.values(misbehave.renames ?? {});
	if (new Set(shown).size !== shown.length) throw new RangeError('misbehave.renames: two names cannot be shown as the same name');
}

/** Does this setting change anything at all (so a healthy sim never walks answers)? */
export function misbehaves(misbehave: Misbehaviour | undefined): misbehave is Misbehaviour {
	if (!misbehave) return false;
	return (misbehave.unknownEnums ?? 0) > 0 || (misbehave.wrongTypes?.length ?? 0) > 0 || Object.keys(misbehave.renames ?? {}).length > 0;
}

/**
 * Maps the names in a request back to the real ones (the shown name is what the client knows).
 * Only top-level members name things in the operations pipetop calls.
 */
export function unrenameInput(input: Record<string, unknown>, misbehave: Readonly<Misbehaviour> | undefined): Record<string, unknown> {
	const renames = misbehave?.renames;
	if (!renames) return input;
	const back = new Map(Object.entries(renames).map(([real, shown]) => [shown, real]));
	const out = {...input};
	for (const key of NAME_MEMBERS) {
		const value = out[key];
		if (typeof value === 'string' && back.has(value)) out[key] = back.get(value);
	}
	return out;
}

/**
 * The answer as the misbehaving endpoint sends it. Whether this answer's enums are spoilt is
 * drawn at admission (with the other faults, from the one seeded stream), hence the flag.
 */
export function misbehaveAnswer(result: unknown, misbehave: Readonly<Misbehaviour>, spoilEnums: boolean): unknown {
	const renames = misbehave.renames ?? {};
	const wrongTypes = new Set(misbehave.wrongTypes ?? []);
	return mapMembers(result, (key, member) => {
		if (wrongTypes.has(key)) return WRONG_TYPE[kindOf(member)] ?? null;
		if (typeof member !== 'string') return member;
		if (NAME_MEMBERS.has(key) && Object.hasOwn(renames, member)) return renames[member];
		if (spoilEnums && ENUM_MEMBERS.has(key)) return UNKNOWN_ENUM_VALUE;
		return member;
	});
}

/** A name that AWS would refuse but a misbehaving endpoint may send: unicode, exactly `length` characters. */
export function outlandishName(seed: string, length = 100): string {
	const pieces = ['déploiement', '部署', 'パイプライン', 'конвейер', '🚀', 'ñandú', 'Ωmega', ' space ', 'tab\there', 'zero\u200bwidth', 'rtl\u202eltr'];
	let name = `${seed}-`;
	for (let index = 0; [...name].length < length; index++) name += pieces[index % pieces.length];
	return [...name].slice(0, length).join('');
}
