/**
 * JSON data as block YAML, for the CloudFormation templates (`pipetop events template`). Every
 * string is written as a JSON string (a valid YAML double-quoted scalar), so no value can be read
 * as a number, a boolean or a tag; keys are bare where YAML reads them back as the same string.
 */

type Json = string | number | boolean | null | Json[] | {[key: string]: Json};

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_:.-]*$/;
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

const key = (name: string): string => (BARE_KEY.test(name) && !RESERVED.test(name) ? name : JSON.stringify(name));

const scalar = (value: Json): string | undefined => {
	if (value === null) return 'null';
	if (typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value) && value.length === 0) return '[]';
	if (!Array.isArray(value) && Object.keys(value).length === 0) return '{}';
	return undefined;
};

function lines(value: Json, indent: string): string[] {
	const out: string[] = [];
	if (Array.isArray(value)) {
		for (const item of value) {
			const simple = scalar(item);
			if (simple !== undefined) {
				out.push(`${indent}- ${simple}`);
				continue;
			}
			// The item's first line goes after the dash, the rest under it.
			const [first, ...rest] = lines(item, `${indent}  `);
			out.push(`${indent}- ${first.slice(indent.length + 2)}`, ...rest);
		}
		return out;
	}
	for (const [name, item] of Object.entries(value as Record<string, Json>)) {
		const simple = scalar(item);
		if (simple !== undefined) out.push(`${indent}${key(name)}: ${simple}`);
		else out.push(`${indent}${key(name)}:`, ...lines(item, `${indent}  `));
	}
	return out;
}

export function toYaml(document: {[key: string]: Json}): string {
	return `${lines(document, '').join('\n')}\n`;
}
