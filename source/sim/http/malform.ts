/**
 * Damages a good answer on purpose (malformedRate), so resilience tests can see how the client
 * copes with a body it cannot trust: either cut short mid-JSON, or well-formed with wrong types.
 */

/** Cuts the JSON text in half: never parses, whatever the answer was. */
export function truncateJson(text: string): string {
	return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

const WRONG_TYPE: Record<string, unknown> = {
	string: 12345,
	number: 'not-a-number',
	boolean: 'yes',
	object: 'not-an-object',
	array: 'not-a-list',
	null: 0,
};

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/** Keeps the member names but gives each top-level member a value of the wrong type. */
export function retypeJson(result: unknown): string {
	if (typeof result !== 'object' || result === null || Array.isArray(result)) return JSON.stringify({unexpected: result});
	const entries = Object.entries(result);
	// An empty answer has no members to spoil: answer a list where a structure is due.
	if (entries.length === 0) return '[]';
	return JSON.stringify(Object.fromEntries(entries.map(([name, value]) => [name, WRONG_TYPE[kindOf(value)] ?? null])));
}
