/** Where artifacts live: the artifact store bucket of the action's region, and CodePipeline-style keys. */

import type {Execution, PipelineDeclaration} from './model.js';

/**
 * The S3 key of an artifact of one execution, in CodePipeline's layout
 * (`<pipeline name, 20 chars>/<artifact name, 10 chars>/<7 characters>`); the same every time asked.
 */
export function artifactKey(pipelineName: string, executionId: string, artifactName: string): string {
	return `${pipelineName.slice(0, 20)}/${artifactName.slice(0, 10)}/${executionId.replace(/-/g, '').slice(0, 7)}`;
}

export function artifactBucket(declaration: PipelineDeclaration, region: string): string {
	return declaration.artifactStores?.[region]?.location ?? declaration.artifactStore?.location ?? Object.values(declaration.artifactStores ?? {})[0]?.location ?? 'codepipeline-artifacts';
}

/** Where an execution's artifacts are, as ListActionExecutions and the action events show them. */
export function artifactLocations(execution: Execution, region: string, artifacts: Array<{name: string}>): Array<{name: string; s3location: {bucket: string; key: string}}> {
	const bucket = artifactBucket(execution.declaration, region);
	return artifacts.map(artifact => ({name: artifact.name, s3location: {bucket, key: artifactKey(execution.pipeline.name, execution.id, artifact.name)}}));
}
