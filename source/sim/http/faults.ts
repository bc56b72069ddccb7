/**
 * Decides, per call and before the world is asked, which injected fault (if any) the call meets.
 * Every random draw comes from one seeded stream, taken at admission in arrival order, so one
 * seed replays one run.
 */

import type {Clock} from '../../shared/clock.js';
import {SimError, type FaultOptions, type Misbehaviour, type SimService} from '../contract.js';
import {misbehaves, validateMisbehaviour} from './misbehave.js';
import {seededRandom, type Random} from './prng.js';
import {TokenBucket} from './token-bucket.js';

export type Admission =
	/** Dead region: never answer. */
	| {kind: 'hold'}
	/** Answer this error at once (denied, throttled). */
	| {kind: 'reject'; error: SimError}
	/** Wait latencyMs, then drop, fail with a 5xx, or ask the world (and maybe damage its answer). */
	| {kind: 'proceed'; latencyMs: number; then: 'drop' | 'internal' | 'unavailable' | 'world'; malform?: 'truncate' | 'retype'; spoilEnums?: boolean; loseAnswer?: boolean};

export type Caller = {service: SimService; operation: string; accountId: string; profile: string; region: string};

function checkRate(name: string, value: number | undefined): void {
	if (value !== undefined && !(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
}

/** Throws RangeError on options that make no sense, so a typo fails loudly rather than silently. */
export function validateFaults(faults: FaultOptions): void {
	checkRate('serverErrorRate', faults.serverErrorRate);
	checkRate('dropRate', faults.dropRate);
	checkRate('malformedRate', faults.malformedRate);
	checkRate('throttleRate', faults.throttleRate);
	checkRate('hangRate', faults.hangRate);
	checkRate('lostAnswerRate', faults.lostAnswerRate);
	if (faults.misbehave) validateMisbehaviour(faults.misbehave);
	if (faults.latencyMs !== undefined && !(faults.latencyMs >= 0)) throw new RangeError(`latencyMs must be 0 or more, got ${faults.latencyMs}`);
	const limit = faults.rateLimit;
	if (limit && !(limit.perSecond > 0)) throw new RangeError(`rateLimit.perSecond must be above 0, got ${limit.perSecond}`);
	if (limit?.burst !== undefined && !(limit.burst >= 1)) throw new RangeError(`rateLimit.burst must be 1 or more, got ${limit.burst}`);
}

export class FaultInjector {
	private faults: FaultOptions = {};
	private buckets = new Map<string, TokenBucket>();
	private readonly random: Random;

	constructor(
		private readonly clock: Clock,
		seed: number,
		faults: FaultOptions = {},
	) {
		this.random = seededRandom(seed);
		this.set(faults);
	}

	/** Replaces the whole fault picture (`{}` = healthy). Rate-limit buckets start full again. */
	set(faults: FaultOptions): void {
		validateFaults(faults);
		this.faults = structuredClone(faults);
		this.buckets = new Map();
	}

	/** The misbehaviour in force for this caller, when it changes anything (read on every call: not cloned). */
	misbehaviour(caller: Caller): Readonly<Misbehaviour> | undefined {
		return misbehaves(this.faults.misbehave) && inScope(this.faults, caller) ? this.faults.misbehave : undefined;
	}

	get(): FaultOptions {
		return structuredClone(this.faults);
	}

	admit(caller: Caller): Admission {
		const faults = this.faults;
		if (faults.deadRegions?.includes(caller.region)) return {kind: 'hold'};
		if (faults.deniedAccounts?.includes(caller.accountId)) return {kind: 'reject', error: accessDenied(caller)};
		if (faults.rateLimit && !this.bucketFor(caller, faults.rateLimit).take(this.clock.now())) {
			return {kind: 'reject', error: throttled()};
		}
		// Outside the scope, none of the share-based faults apply (and nothing is drawn for them).
		if (!inScope(faults, caller)) return {kind: 'proceed', latencyMs: 0, then: 'world'};
		if (this.chance(faults.throttleRate)) return {kind: 'reject', error: throttled()};
		if (this.chance(faults.hangRate)) return {kind: 'hold'};
		const latencyMs = faults.latencyMs ?? 0;
		if (this.chance(faults.dropRate)) return {kind: 'proceed', latencyMs, then: 'drop'};
		if (this.chance(faults.serverErrorRate)) {
			return {kind: 'proceed', latencyMs, then: this.random.next() < 0.5 ? 'internal' : 'unavailable'};
		}
		if (this.chance(faults.malformedRate)) {
			return {kind: 'proceed', latencyMs, then: 'world', malform: this.random.next() < 0.5 ? 'truncate' : 'retype'};
		}
		if (this.chance(faults.lostAnswerRate)) return {kind: 'proceed', latencyMs, then: 'world', loseAnswer: true};
		// Drawn only when enums are to be spoilt, so renames and wrong types alone shift nothing.
		const spoilEnums = misbehaves(faults.misbehave) && this.chance(faults.misbehave.unknownEnums);
		return {kind: 'proceed', latencyMs, then: 'world', ...(spoilEnums && {spoilEnums})};
	}

	/** Draws only when the rate is set, so switching one fault on does not reshuffle the others. */
	private chance(rate: number | undefined): boolean {
		return rate !== undefined && rate > 0 && this.random.next() < rate;
	}

	private bucketFor(caller: Caller, limit: {perSecond: number; burst?: number}): TokenBucket {
		// One bucket for all three services of an account+region: simple to reason about in tests.
		// (AWS throttles per API; the client under test backs off the same way either way.)
		const key = `${caller.accountId}/${caller.region}`;
		let bucket = this.buckets.get(key);
		if (!bucket) {
			// Burst defaults to one second's worth, and never below one call.
			bucket = new TokenBucket(limit.perSecond, limit.burst ?? Math.max(1, limit.perSecond), this.clock.now());
			this.buckets.set(key, bucket);
		}
		return bucket;
	}
}

function inScope(faults: FaultOptions, caller: Caller): boolean {
	const scope = faults.scope;
	if (!scope) return true;
	if (scope.accountIds && !scope.accountIds.includes(caller.accountId)) return false;
	if (scope.regions && !scope.regions.includes(caller.region)) return false;
	if (scope.operations && !scope.operations.includes(caller.operation)) return false;
	return true;
}

function throttled(): SimError {
	return new SimError('ThrottlingException', 'Rate exceeded', 400);
}

function accessDenied(caller: Caller): SimError {
	const action = `${caller.service}:${caller.operation}`;
	return new SimError(
		'AccessDeniedException',
		`User: arn:aws:iam::${caller.accountId}:user/${caller.profile} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
		400,
	);
}
