import {randomUUID} from 'node:crypto';
import type {FleetEngine, FleetStore} from '../engine/types.js';
import type {Clock} from '../shared/clock.js';
import type {FleetState, SourceKey} from '../store/types.js';
import type {OperatorApi} from './api.js';
import type {AuditSink} from './audit.js';
import {disabledReason, readOnlyReason} from './availability.js';
import type {AccountGuard} from './read-only-account.js';
import {describeError} from './errors.js';
import {targetOf} from './lookup.js';
import type {PlanContext, Prepared} from './plan.js';
import {actionModules} from './registry.js';
import type {ActionIntent, ActionRequest, ActionResult, AuditEntry} from './types.js';
import {splitPipelineKey} from '../format/keys.js';

export type ActionLayerOptions = {
	store: FleetStore;
	engine: Pick<FleetEngine, 'refresh' | 'loadActionExecutions' | 'loadHistory' | 'loadDefinition'>;
	/** The write API of one source; undefined when there is none (e.g. the source failed to load). */
	apiFor(sourceKey: SourceKey): OperatorApi | undefined;
	/** --read-only and config readOnly (the same for every profile) plus config readOnlyProfiles. */
	readOnly(profile: string): boolean;
	/** Read-only by account (config readOnlyAccounts, and the accounts of readOnlyProfiles). */
	accountGuard?: AccountGuard;
	audit: AuditSink;
	clock: Clock;
	via: AuditEntry['via'];
	newId?: () => string;
	/** How long to wait for the re-read after an unknown outcome before answering anyway. */
	settleTimeoutMs?: number;
};

/** One intent's request: its answer once it came (a resend-safe intent may be sent again after an unclear one). */
type Attempt = {promise: Promise<ActionResult>; intent: ActionIntent; result?: ActionResult};

/**
 * The one place that sends operator writes. It refuses in read-only mode before anything else,
 * never sends the same intent twice (double confirm, key repeat: the second caller gets the
 * first call's promise), records every attempt in the audit log, and has the engine re-read the
 * pipeline at once so the screen shows the effect.
 */
export class ActionLayer {
	private readonly attempts = new Map<string, Attempt>();
	private readonly newId: () => string;

	constructor(private readonly options: ActionLayerOptions) {
		this.newId = options.newId ?? randomUUID;
	}

	disabledReason(request: ActionRequest): string | undefined {
		return this.accountReadOnlyNow(request) ?? disabledReason(request, this.options.store.getState(), {readOnly: this.profileReadOnly(request)});
	}

	/** Reads what the dialog shows and builds its plan; refuses in read-only mode, like run. */
	async prepare(request: ActionRequest): Promise<Prepared> {
		const readOnly = await this.fullReadOnlyReason(request);
		if (readOnly) return {ok: false, reason: `${readOnly}: nothing can be changed`};
		const pending = this.onItsWay(request.pipelineKey);
		if (pending) return {ok: false, reason: `a write to this pipeline is still on its way (${pending.summary}); its outcome shows on the status line`};
		// Ask for a fresh read now: by the time the operator confirms, the precheck sees it.
		this.options.engine.refresh(request.pipelineKey);
		const context: PlanContext = {
			getState: () => this.options.store.getState(),
			engine: this.options.engine,
			now: () => this.options.clock.now(),
			newId: this.newId,
			waitFor: predicate => this.waitFor(predicate),
		};
		try {
			return await actionModules[request.command].prepare(context, request);
		} catch (error) {
			// Reads made while preparing (token, history) can fail like any call: say so, keep running.
			return {ok: false, reason: describeError(error, request.command).message};
		}
	}

	/** Sends the intent once. Calling again with the same intent returns the same result. */
	run(intent: ActionIntent): Promise<ActionResult> {
		const previous = this.attempts.get(intent.id);
		// An idempotent request (StartPipelineExecution with its token) may be resent after an
		// unclear outcome; anything else is answered from the first attempt.
		const resend = previous?.result && intent.resendSafe && (previous.result.outcome === 'unknown' || previous.result.outcome === 'failed');
		if (previous && !resend) return previous.promise;
		const attempt: Attempt = {promise: this.attempt(intent), intent};
		attempt.promise.then(result => {
			attempt.result = result;
		}, () => undefined);
		this.attempts.set(intent.id, attempt);
		return attempt.promise;
	}

	/**
	 * Records an attempt refused before any intent existed (a headless command in read-only mode,
	 * or with nothing to act on): it is still an attempt, so it goes in the audit log.
	 */
	async refuse(request: ActionRequest, reason: string, parameters: Record<string, unknown> = {}): Promise<ActionResult> {
		const state = this.options.store.getState();
		const entry = state.pipelines[request.pipelineKey];
		const {profile, region, name, sourceKey} = splitPipelineKey(request.pipelineKey);
		const target = entry
			? targetOf(state, entry, {stageName: request.stageName, actionName: request.actionName, executionId: request.executionId})
			: {pipelineKey: request.pipelineKey, sourceKey, profile, region, pipelineName: name};
		const intent: ActionIntent = {
			id: `refused:${this.newId()}`,
			command: request.command,
			target,
			summary: reason,
			parameters,
			invoke: () => Promise.reject(new Error('never sent')),
		};
		return this.finish(intent, {outcome: 'blocked', message: `Not sent: ${reason}.`});
	}

	/**
	 * A write to this pipeline sent and not answered yet (a dialog closed while it hangs): a new
	 * dialog for the pipeline waits for it, so the same change is not sent twice meanwhile.
	 */
	private onItsWay(pipelineKey: string): ActionIntent | undefined {
		for (const attempt of this.attempts.values()) {
			if (!attempt.result && attempt.intent.target.pipelineKey === pipelineKey) return attempt.intent;
		}
		return undefined;
	}

	private profileReadOnly(request: ActionRequest): boolean {
		const entry = this.options.store.getState().pipelines[request.pipelineKey];
		const profile = entry?.profile ?? splitPipelineKey(request.pipelineKey).profile;
		return this.options.readOnly(profile);
	}

	private readOnlyReason(request: ActionRequest): string | undefined {
		return readOnlyReason(request, this.options.store.getState(), {readOnly: this.profileReadOnly(request)}) ?? this.accountReadOnlyNow(request);
	}

	private accountReadOnlyNow(request: ActionRequest): string | undefined {
		return this.options.accountGuard?.now(this.options.store.getState(), request.pipelineKey);
	}

	/** The profile's and the account's rules, the AWS files included: checked before a dialog opens and before a send. */
	private async fullReadOnlyReason(request: ActionRequest): Promise<string | undefined> {
		return this.readOnlyReason(request) ?? (await this.options.accountGuard?.check(this.options.store.getState(), request.pipelineKey));
	}

	private async attempt(intent: ActionIntent): Promise<ActionResult> {
		const {target} = intent;
		const request: ActionRequest = {command: intent.command, pipelineKey: target.pipelineKey};
		const readOnly = await this.fullReadOnlyReason(request);
		const state = this.options.store.getState();
		if (readOnly) {
			return this.finish(intent, {outcome: 'blocked', message: `Refused: ${readOnly}. Nothing was sent to AWS.`});
		}
		const stale = intent.precheck?.(state);
		if (stale) {
			this.options.engine.refresh(target.pipelineKey);
			return this.finish(intent, {
				outcome: 'blocked',
				message: `Not sent: ${stale}.`,
				next: 'The screen is being refreshed: look again before deciding.',
			});
		}
		const api = this.options.apiFor(target.sourceKey);
		if (!api) {
			return this.finish(intent, {outcome: 'failed', message: `No AWS client for ${target.profile} in ${target.region}: nothing was sent.`});
		}

		let result: ActionResult;
		try {
			const answer = await intent.invoke(api);
			result = {
				outcome: 'done',
				message: `Done: ${intent.summary}.`,
				...(answer.requestId ? {requestId: answer.requestId} : {}),
				...(answer.pipelineExecutionId ? {executionId: answer.pipelineExecutionId} : {}),
			};
		} catch (error) {
			const described = describeError(error, intent.command);
			result = {
				outcome: described.outcome,
				message: described.message,
				code: described.code,
				...(described.next ? {next: described.next} : {}),
				...(described.detail ? {detail: described.detail} : {}),
				...(described.requestId ? {requestId: described.requestId} : {}),
			};
		}

		// Whatever happened, the pipeline may have changed (or the token may be stale): re-read now.
		if (result.outcome === 'unknown') {
			// Tell the operator what is known: wait for the re-read before answering.
			await this.settle(target.pipelineKey);
			const known = intent.observe?.(this.options.store.getState());
			if (known) result = {...result, message: `${result.message} ${known}`};
		} else {
			this.options.engine.refresh(target.pipelineKey);
		}
		return this.finish(intent, result);
	}

	private waitFor(predicate: (state: FleetState) => boolean, timeoutMs = 5000): Promise<FleetState> {
		const {store, clock} = this.options;
		if (predicate(store.getState())) return Promise.resolve(store.getState());
		return new Promise(resolve => {
			const done = () => {
				unsubscribe();
				clock.clearTimer(timer);
				resolve(store.getState());
			};
			const unsubscribe = store.subscribe(state => {
				if (predicate(state)) done();
			});
			const timer = clock.setTimer(done, timeoutMs);
		});
	}

	/** Has the pipeline re-read and waits for the answer to land, but never longer than the settle timeout. */
	private async settle(pipelineKey: string): Promise<void> {
		const before = this.options.store.getState().pipelines[pipelineKey];
		this.options.engine.refresh(pipelineKey);
		await this.waitFor(state => {
			const entry = state.pipelines[pipelineKey];
			return !entry || entry.fetchedAt !== before?.fetchedAt || entry.error !== before?.error;
		}, this.options.settleTimeoutMs ?? 10_000);
	}

	private async finish(intent: ActionIntent, result: ActionResult): Promise<ActionResult> {
		const {target} = intent;
		const entry: AuditEntry = {
			time: new Date(this.options.clock.now()).toISOString(),
			via: this.options.via,
			profile: target.profile,
			...(target.accountId ? {account: target.accountId} : {}),
			region: target.region,
			pipeline: target.pipelineName,
			...(target.stageName ? {stage: target.stageName} : {}),
			...(target.actionName ? {actionName: target.actionName} : {}),
			...(target.executionId ? {executionId: target.executionId} : {}),
			action: intent.command,
			parameters: intent.parameters,
			outcome: result.outcome,
			message: result.message,
			...(result.code ? {errorCode: result.code} : {}),
			...(result.requestId ? {requestId: result.requestId} : {}),
			...(result.executionId ? {resultExecutionId: result.executionId} : {}),
		};
		try {
			await this.options.audit.append(entry);
		} catch (error) {
			const why = error instanceof Error ? error.message : String(error);
			return {...result, message: `${result.message} (Warning: the audit log could not be written: ${why})`};
		}
		return result;
	}
}
