/** CodePipeline and CodeBuild bodies carry epoch seconds as JSON numbers (`1446137312.204`). */
export function seconds(ms: number): number {
	return ms / 1000;
}
