/**
 * SGR codes written the way Ink writes them back. Ink tokenizes every Text it is given into
 * styled characters, turns each line back into a string, and tokenizes that string again
 * unless it is the very string it was given. A line already in that form is tokenized once
 * per frame instead of twice, and adjacent runs of one style (the cells of a stage strip, say)
 * carry no codes between them. This mirrors @alcalzone/ansi-tokenize's reduce and diff for the
 * few codes the console paints: a colour (ends with 39), bold or dim (22), underline (24) and
 * inverse (27).
 */

export type SgrCode = {open: string; close: string};

const intensityClose = '\u001B[22m';

const isIntensity = (code: SgrCode) => code.close === intensityClose;

/** The active codes after `codes` are written over `active`, in the order a tokenizer keeps them. */
export function applyCodes(active: readonly SgrCode[], codes: readonly SgrCode[]): SgrCode[] {
	let next = [...active];
	for (const code of codes) {
		if (code.open === code.close) {
			// A closing code turns off everything it closes (22 ends bold and dim alike).
			next = next.filter(other => other.close !== code.close);
		} else if (isIntensity(code)) {
			// Bold and dim share their end code but may stand together.
			if (!next.some(other => other.open === code.open)) next.push(code);
		} else {
			next = next.filter(other => other.close !== code.close);
			next.push(code);
		}
	}
	return next;
}

/**
 * The codes that lead from the styles `from` to `to`: end what `to` does not keep (last opened
 * first), then open what `from` lacks. As codes to write, and as the same codes to apply.
 */
export function transition(from: readonly SgrCode[], to: readonly SgrCode[]): {text: string; codes: SgrCode[]} {
	const undone = from.filter(code =>
		isIntensity(code) ? !to.some(other => other.open === code.open) : !to.some(other => other.close === code.close),
	);
	const undoesIntensity = undone.some(isIntensity);
	const codes: SgrCode[] = [];
	for (let index = undone.length - 1; index >= 0; index--) {
		const close = undone[index].close;
		codes.push({open: close, close});
	}
	for (const code of to) {
		if (!from.some(other => other.open === code.open) || (undoesIntensity && isIntensity(code))) codes.push(code);
	}
	// The same code twice (22 for bold and for dim) is written once.
	let text = '';
	const written = new Set<string>();
	for (const code of codes) {
		if (written.has(code.open)) continue;
		written.add(code.open);
		text += code.open;
	}
	return {text, codes};
}
