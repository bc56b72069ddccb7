import type {AwsFilePaths, PipelineWriteApi} from '../aws/index.js';
import type {FleetEngine} from '../engine/types.js';
import type {Clock} from '../shared/clock.js';
import type {SourceKey} from '../store/types.js';
import {operatorApiFrom} from './adapter.js';
import {AuditLog, auditLogPath, DemoAuditLog, type AuditSink} from './audit.js';
import {ActionLayer} from './layer.js';
import {accountGuard, type AccountRulesConfig} from './read-only-account.js';

/** The parts of the bootstrapped app the action layer is built from. */
export type ActionAppParts = {
	engine: FleetEngine;
	config: {auditLog?: string} & AccountRulesConfig;
	readOnly(profile: string): boolean;
	/** A source's API; its AWS files (when it says them) let read-only follow the account offline. */
	apiFor(sourceKey: SourceKey): (PipelineWriteApi & {source?: {paths: AwsFilePaths}}) | undefined;
	/** Set in `--demo`: actions go to the demo's own audit log. */
	demo?: unknown;
};

export type CreateActionLayerOptions = {
	via: 'console' | 'cli';
	clock: Clock;
	env: NodeJS.ProcessEnv;
	/** --read-only: ORed with the app's own answer, so the flag holds whoever parsed it. */
	readOnlyFlag?: boolean;
	/** Default: the audit log file (in `--demo`, the demo's). */
	audit?: AuditSink;
	writeTimeoutMs?: number;
};

/** The one action layer of a process: what the console provides to its dialogs and the CLI uses. */
export function createActionLayer(app: ActionAppParts, options: CreateActionLayerOptions): ActionLayer {
	const apis = new Map<SourceKey, ReturnType<typeof operatorApiFrom>>();
	return new ActionLayer({
		store: app.engine.store,
		engine: app.engine,
		apiFor: sourceKey => {
			const api = app.apiFor(sourceKey);
			if (!api) return undefined;
			let wrapped = apis.get(sourceKey);
			if (!wrapped) {
				wrapped = operatorApiFrom(api, options.clock, options.writeTimeoutMs);
				apis.set(sourceKey, wrapped);
			}
			return wrapped;
		},
		readOnly: profile => Boolean(options.readOnlyFlag) || app.readOnly(profile),
		accountGuard: accountGuard(app.config, sourceKey => app.apiFor(sourceKey)?.source?.paths),
		audit: options.audit ?? (app.demo ? new DemoAuditLog(options.env) : new AuditLog(auditLogPath(options.env, app.config.auditLog))),
		clock: options.clock,
		via: options.via,
	});
}
