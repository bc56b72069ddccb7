/** The store key of a cause: one per action execution (or per action's latest run). */

import type {CauseSubject} from './types.js';

export function causeId(subject: Pick<CauseSubject, 'key' | 'stageName' | 'actionName' | 'actionExecutionId'>): string {
	return `${subject.key}#${subject.stageName}/${subject.actionName}#${subject.actionExecutionId ?? 'latest'}`;
}
