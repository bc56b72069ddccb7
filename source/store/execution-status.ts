/** Statuses after which a pipeline execution never changes again (the engine, the store and the commands ask). */
export function isFinalExecutionStatus(status: string | undefined): boolean {
	return status === 'Succeeded' || status === 'Failed' || status === 'Stopped' || status === 'Superseded' || status === 'Cancelled';
}
