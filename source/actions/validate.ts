/**
 * Input rules from the CodePipeline API model, checked before sending so the operator hears about
 * a bad reason or summary in the dialog rather than as a ValidationException.
 */

export function approvalSummary(value: string): string | undefined {
	if (value.trim().length === 0) return 'write a short summary (it is recorded with the approval)';
	if (value.length > 512) return `at most 512 characters (${value.length} now)`;
	return undefined;
}

export function stopReason(value: string): string | undefined {
	if (value.length > 200) return `at most 200 characters (${value.length} now)`;
	return undefined;
}

// DisableStageTransition's reason pattern: letters, digits, space and !@().*?-
const transitionReasonPattern = /^[a-zA-Z0-9!@ ().*?-]+$/;

export function transitionReason(value: string): string | undefined {
	if (value.trim().length === 0) return 'give a reason (others see it on the pipeline)';
	if (value.length > 300) return `at most 300 characters (${value.length} now)`;
	if (!transitionReasonPattern.test(value)) return 'only letters, digits, spaces and ! @ ( ) . * ? - are allowed';
	return undefined;
}

export function variableValue(value: string): string | undefined {
	if (value.length === 0) return 'a value is required (AWS refuses empty variables)';
	if (value.length > 1000) return `at most 1000 characters (${value.length} now)`;
	return undefined;
}

export function revisionValue(value: string): string | undefined {
	if (value.trim().length === 0) return 'give the revision (commit id, image digest or object version)';
	if (value.length > 1500) return 'at most 1500 characters';
	return undefined;
}
