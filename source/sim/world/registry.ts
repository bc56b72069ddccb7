/** What one account holds in one region: pipelines, and the builds and log groups they made. */

import type {Build} from './builds/build.js';
import type {Pipeline} from './model.js';

export class RegionState {
	readonly pipelines = new Map<string, Pipeline>();
	/**
	 * Builds by uuid, which is also the log stream name. Keyed by the uuid alone (a flat string
	 * made once) rather than `project:uuid`, which would be hashed afresh for every build.
	 */
	private readonly byUuid = new Map<string, Build>();
	/** Log groups by project (they outlive their streams, as in CloudWatch) and their live streams. */
	private readonly projects = new Map<string, Set<Build>>();
	private readonly buildNumbers = new Map<string, number>();

	constructor(
		readonly accountId: string,
		readonly region: string,
	) {}

	get buildCount(): number {
		return this.byUuid.size;
	}

	addBuild(build: Build): void {
		this.byUuid.set(build.uuid, build);
		let streams = this.projects.get(build.project);
		if (!streams) this.projects.set(build.project, (streams = new Set()));
		streams.add(build);
	}

	removeBuild(build: Build): void {
		this.byUuid.delete(build.uuid);
		this.projects.get(build.project)?.delete(build);
	}

	/** A build by id (`project:uuid`). */
	build(id: string): Build | undefined {
		const colon = id.lastIndexOf(':');
		const build = this.byUuid.get(id.slice(colon + 1));
		return build && build.project === id.slice(0, colon) ? build : undefined;
	}

	/** The streams of a log group (`/aws/codebuild/PROJECT`), or undefined when the group does not exist. */
	logGroup(group: string): Set<Build> | undefined {
		if (!group.startsWith('/aws/codebuild/')) return undefined;
		return this.projects.get(group.slice('/aws/codebuild/'.length));
	}

	/** The build writing a stream of a group. */
	stream(group: string, stream: string): Build | undefined {
		const build = this.byUuid.get(stream);
		return build && `/aws/codebuild/${build.project}` === group ? build : undefined;
	}

	nextBuildNumber(project: string): number {
		const next = (this.buildNumbers.get(project) ?? 0) + 1;
		this.buildNumbers.set(project, next);
		return next;
	}
}
