/** Which reader explains which provider's failure; the rest get their summary shown whole. */

import type {Cause} from '../../store/cause-types.js';
import {cloudFormationCause} from './cloudformation.js';
import {codeBuildCause} from './codebuild.js';
import {codeDeployCause} from './codedeploy.js';
import {commandsCause} from './commands.js';
import {ecsCause} from './ecs.js';
import {lambdaCause} from './lambda.js';
import {summaryCause} from './lines.js';
import type {CauseContext} from './types.js';

const READERS: Record<string, (context: CauseContext) => Promise<Cause>> = {
	CodeBuild: codeBuildCause,
	CloudFormation: cloudFormationCause,
	Lambda: lambdaCause,
	CodeDeploy: codeDeployCause,
	ECS: ecsCause,
	Commands: commandsCause,
};

export function explain(context: CauseContext): Promise<Cause> {
	const reader = READERS[context.subject.provider];
	return reader ? reader(context) : Promise.resolve(summaryCause(context.subject));
}
