/**
 * CodeBuild logs: finds where a build logs (BatchGetBuilds), reads the stream from the start
 * (GetLogEvents with startFromHead and the forward token) and, while followed and the build
 * runs, reads on every `logFollow`. Only open logs are read: closing stops the timer.
 */

import {BudgetCancelled} from './budget.js';
import {Priority} from './defaults.js';
import {list, num, obj, str} from './map-util.js';
import {toSourceError} from './source-health.js';
import type {SourceRunner} from './source-runner.js';
import type {Clock, TimerHandle} from '../shared/clock.js';
import type {FleetStore} from '../store/create.js';
import type {FleetUpdate} from '../store/reducers.js';
import type {BuildLog, LogLine, PipelineKey} from '../store/types.js';

/** Lines kept per log; the oldest go first (a build log can be huge). */
const MAX_LINES = 5000;
const MAX_PAGES_PER_READ = 10;

/** An open log; `log` is the last value written (the store catches up a turn later). */
type OpenLog = {runner: SourceRunner; follow: boolean; timer?: TimerHandle; reading?: Promise<void>; log?: BuildLog};

export type LogHost = {
	store: FleetStore;
	clock: Clock;
	followInterval: number;
	emit: (update: FleetUpdate) => void;
	locate: (key: PipelineKey) => {runner: SourceRunner; name: string} | undefined;
};

export class LogTailer {
	private readonly open = new Map<string, OpenLog>();

	constructor(private readonly host: LogHost) {}

	async openLog(key: PipelineKey, buildId: string, options: {follow?: boolean} = {}): Promise<void> {
		const located = this.host.locate(key);
		if (!located) return;
		const existing = this.open.get(buildId);
		if (existing) {
			existing.follow = options.follow ?? existing.follow;
			return existing.reading;
		}
		const entry: OpenLog = {runner: located.runner, follow: options.follow ?? false, log: this.host.store.getState().logs[buildId]};
		this.open.set(buildId, entry);
		return this.read(buildId, entry);
	}

	closeLog(buildId: string): void {
		const entry = this.open.get(buildId);
		if (!entry) return;
		this.host.clock.clearTimer(entry.timer);
		this.open.delete(buildId);
		const log = entry.log;
		if (log?.live) this.host.emit({type: 'log', buildId, value: {...log, live: false}});
	}

	closeAll(): void {
		for (const buildId of [...this.open.keys()]) this.closeLog(buildId);
	}

	private read(buildId: string, entry: OpenLog): Promise<void> {
		entry.reading = this.readOnce(buildId, entry).finally(() => {
			entry.reading = undefined;
			const log = entry.log;
			if (this.open.get(buildId) === entry && entry.follow && (log?.live ?? true) && !log?.error) {
				entry.timer = this.host.clock.setTimer(() => void this.read(buildId, entry), this.host.followInterval);
			}
		});
		return entry.reading;
	}

	private async readOnce(buildId: string, entry: OpenLog): Promise<void> {
		const {runner} = entry;
		const current: BuildLog = entry.log ?? {buildId, lines: [], live: true, loading: true};
		const write = (value: BuildLog) => {
			entry.log = value;
			this.host.emit({type: 'log', buildId, value});
		};
		write({...current, loading: true});
		try {
			const builds = await runner.call(Priority.user, 'BatchGetBuilds', signal => runner.api.batchGetBuilds([buildId], {signal}));
			const build = obj(list(builds.builds)[0]);
			if (!str(build.id)) {
				write({...current, loading: false, live: false, error: {code: 'BuildNotFound', message: `CodeBuild has no build ${buildId}`}});
				return;
			}
			const logs = obj(build.logs);
			const next: BuildLog = {
				...current,
				buildStatus: str(build.buildStatus),
				currentPhase: str(build.currentPhase),
				groupName: str(logs.groupName),
				streamName: str(logs.streamName),
				live: str(build.buildStatus) === 'IN_PROGRESS',
				loading: false,
				error: undefined,
			};
			if (next.groupName && next.streamName) await this.readLines(runner, next);
			write(next);
		} catch (error) {
			if (error instanceof BudgetCancelled) {
				write({...current, loading: false});
				return;
			}
			const classified = runner.api.classify(error);
			write({...current, loading: false, live: false, error: toSourceError(classified)});
		}
	}

	/** Appends what the stream has after the forward token; the end is the same token coming back. */
	private async readLines(runner: SourceRunner, log: BuildLog): Promise<void> {
		const lines: LogLine[] = [...log.lines];
		let token = log.nextForwardToken;
		for (let page = 0; page < MAX_PAGES_PER_READ; page++) {
			let output;
			try {
				output = await runner.call(Priority.user, 'GetLogEvents', signal =>
					runner.api.getLogEvents({logGroupName: log.groupName, logStreamName: log.streamName, startFromHead: true, nextToken: token}, {signal}),
				);
			} catch (error) {
				// The stream appears only once the build logs its first line.
				if (runner.api.classify(error).code === 'ResourceNotFoundException') break;
				throw error;
			}
			for (const raw of list(output.events)) {
				const event = obj(raw);
				const message = str(event.message);
				if (message !== undefined) lines.push({timestamp: num(event.timestamp) ?? 0, message: message.replace(/\n$/, '')});
			}
			const next = str(output.nextForwardToken);
			if (!next || next === token) break;
			token = next;
		}
		log.lines = lines.length > MAX_LINES ? lines.slice(lines.length - MAX_LINES) : lines;
		log.nextForwardToken = token;
	}
}
