/**
 * Access keys for the simulated accounts: derived from the seed and the account id, so a sim
 * restarted with the same seed accepts the same keys (handy for a long-lived ~/.aws written once).
 */

import type {SimAccount} from '../contract.js';
import {Rng} from './random.js';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function accountKeys(seed: number, accountId: string): {accessKeyId: string; secretAccessKey: string} {
	const rng = Rng.derive(seed, 'access-key', accountId);
	let secret = '';
	for (let index = 0; index < 40; index++) secret += SECRET_ALPHABET[rng.int(0, SECRET_ALPHABET.length - 1)];
	return {accessKeyId: `AKIA${rng.upperAlnum(16)}`, secretAccessKey: secret};
}

export function simAccounts(seed: number, accounts: Array<{profile: string; accountId: string; regions: string[]; optInRegions?: string[]}>): SimAccount[] {
	return accounts.map(account => ({
		profile: account.profile,
		accountId: account.accountId,
		regions: [...account.regions],
		...(account.optInRegions?.length ? {optInRegions: [...account.optInRegions]} : {}),
		...accountKeys(seed, account.accountId),
	}));
}
