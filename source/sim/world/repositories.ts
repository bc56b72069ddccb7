/**
 * Git repositories as the world's source actions see them: every pipeline whose source names the
 * same repository and branch (FullRepositoryId, Owner/Repo or RepositoryName, and BranchName)
 * fetches the same commits, across accounts and regions, as pipelines built from one GitHub repo
 * through connections do (for CodeCommit this stands for one central repository every account
 * reads). So one commit id shows up in the dev, staging and prod pipelines of a service.
 *
 * A branch has a head. An automatic start (webhook, EventBridge rule, polling) is a push: it
 * builds the head when this pipeline has not built it yet (someone else's push it is catching up
 * with), else a new commit becomes the head. A person's start (StartPipelineExecution,
 * CreatePipeline) builds the head as it is. `push` puts a given commit on a branch and starts every
 * pipeline that follows it, the way one webhook delivery reaches them all.
 */

import type {ActionDeclaration, Pipeline, SourceRevision} from './model.js';
import {branchOf, repositoryOf} from './providers.js';

export type Commit = {revisionId: string; message: string; author?: string; created: number};

const GIT_PROVIDERS = new Set(['CodeCommit', 'CodeStarSourceConnection', 'GitHub']);

/** `repository#branch` for a git source action; undefined for S3, ECR and the rest. */
export function branchKey(action: ActionDeclaration): string | undefined {
	if (!GIT_PROVIDERS.has(action.actionTypeId.provider)) return undefined;
	return `${repositoryOf(action)}#${branchOf(action)}`;
}

export class Repositories {
	private readonly heads = new Map<string, Commit>();
	/** Every commit made or pushed, by id: a start that names one (sourceRevisions) gets its message. */
	private readonly known = new Map<string, Commit>();
	private pushes = 0;

	/** Numbers the pushes made by hand (World.push, a scenario's pushes): each draws its own ids. */
	nextPush(): number {
		return this.pushes++;
	}

	head(key: string): Commit | undefined {
		return this.heads.get(key);
	}

	/** Makes `commit` the head of the branch. */
	advance(key: string, commit: Commit): void {
		this.heads.set(key, commit);
		this.known.set(commit.revisionId, commit);
	}

	/**
	 * What a source action of `pipeline` fetches for a new execution. `fresh` is what it would
	 * fetch from a repository of its own (drawn from the pipeline's random stream either way, so
	 * sharing commits changes no timing); `override` a commit id the start asked for.
	 */
	fetch(pipeline: Pipeline, action: ActionDeclaration, fresh: SourceRevision, how: {push: boolean; override?: string}): SourceRevision {
		const key = branchKey(action);
		if (how.override) {
			const commit = this.known.get(how.override);
			return commit ? withCommit(fresh, commit) : {...fresh, revisionId: how.override};
		}
		if (!key) return fresh;
		const head = this.heads.get(key);
		if (head && (!how.push || !this.built(pipeline, action.name, head.revisionId))) return withCommit(fresh, head);
		this.advance(key, {revisionId: fresh.revisionId, message: fresh.message, author: fresh.author, created: fresh.created});
		return fresh;
	}

	/** True when the pipeline's newest execution fetched this commit for that action. */
	private built(pipeline: Pipeline, actionName: string, revisionId: string): boolean {
		const last = pipeline.executions.at(-1);
		return last?.sources.some(source => source.actionName === actionName && source.revisionId === revisionId) ?? false;
	}
}

function withCommit(fresh: SourceRevision, commit: Commit): SourceRevision {
	return {...fresh, revisionId: commit.revisionId, message: commit.message, author: commit.author ?? fresh.author, created: commit.created};
}
