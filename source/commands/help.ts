/**
 * The help texts: one for pipetop, and one per subcommand (`pipetop status --help`), built from
 * the same lines so that they cannot disagree. `--help` anywhere on a subcommand's line prints its
 * help and exits 0: nothing is read, nothing is watched, nothing is changed.
 */

/** Each subcommand's usage line (as in the overview) and the options only it takes. */
const SUBCOMMANDS: Record<string, {usage: string; about: string; options?: string[]}> = {
	status: {usage: 'status [--json]', about: 'one snapshot of the fleet, then exit (1 when a source failed)'},
	watch: {
		usage: 'watch PIPELINE [--exit-status] [--json]',
		about: 'follow an execution to its end (or, with --revision, every execution carrying a commit)',
		options: [
			'--execution-id ID    the execution to follow (default: the latest)',
			"--exit-status        exit with the execution's outcome (0 succeeded, 1 failed...)",
			'--revision REV       follow every execution carrying this commit, branch or tag: watch --revision REV [PIPELINE...]',
			'--filter WORDS       with --revision: only the pipelines these words show (the console filter)',
		],
	},
	where: {
		usage: 'where COMMIT|BRANCH|TAG [--json]',
		about: 'every pipeline whose recent executions carry a revision, how far it got, and what each stage last ran',
	},
	why: {
		usage: 'why PIPELINE [--json]',
		about: 'why the latest failed execution failed: the failed phase, resource, targets or log lines',
		options: ['--execution-id ID    the execution to explain (default: the latest that failed)'],
	},
	approve: {
		usage: 'approve PIPELINE --stage S --action A --summary TEXT [--reject]',
		about: 'answer a manual approval',
		options: ['--execution-id ID    the execution whose approval (PARALLEL pipelines)'],
	},
	retry: {usage: 'retry PIPELINE --stage S [--all-actions]', about: 'retry the failed actions of a stage (or all of them)'},
	stop: {usage: 'stop PIPELINE [--abandon] [--reason TEXT]', about: 'stop an execution (default: the latest)', options: ['--execution-id ID    the execution to stop']},
	start: {usage: 'start PIPELINE [--variable k=v ...] [--revision ACTION=ID] [--client-request-token T]', about: 'start an execution'},
	transition: {usage: 'transition PIPELINE --stage S (--disable --reason TEXT | --enable)', about: 'disable or enable the transition into a stage'},
	events: {
		usage: 'events check | events template [--org-id o-...] [--consumers a,b] [--regions x,y] [--member]',
		about: 'check the change feed\'s queue (exit 1 when it does not answer), or print its CloudFormation setup (docs/events.md)',
		options: [
			'--org-id o-...       template: the organisation whose accounts may send to the central bus',
			'--consumers a,b      template: one queue per console (default: one, pipetop-events)',
			'--regions x,y        template: where the member accounts forward from (default: the stack\'s region)',
			'--member             template: the member accounts\' template alone (the central one has it in its StackSet)',
		],
	},
	freeze: {
		usage: "freeze --stage 'Prod*' --reason TEXT [--filter WORDS] [--yes]",
		about: 'disable the inbound transition of every matching stage across the pipelines, and remember which ones pipetop disabled',
	},
	unfreeze: {usage: 'unfreeze [--reason TEXT] [--filter WORDS] [--yes]', about: 'enable exactly the transitions freeze disabled (those disabled by someone else stay)'},
	rollback: {
		usage: 'rollback PIPELINE --stage S [--target-execution-id ID]',
		about: "run a stage again with an earlier successful execution's artifacts (V2, not PARALLEL)",
		options: ['--target-execution-id ID   the execution to roll back to (default: the newest earlier success)'],
	},
	override: {
		usage: 'override PIPELINE --stage S --condition-type BEFORE_ENTRY|ON_SUCCESS',
		about: "skip the rules of a stage's condition being evaluated now (V2)",
	},
	sim: {usage: 'sim [--port N] [--scenario demo|empty|FILE] [--aws-dir DIR] [--seed N] [--speed X] [--faults JSON|FILE] [--admin-port N]', about: 'the embedded AWS-compatible service'},
};

const OPERATOR = ['approve', 'retry', 'stop', 'start', 'transition', 'rollback', 'override', 'freeze', 'unfreeze'];

const SOURCES = `  Sources
    --profile a,b        AWS profiles (default: $AWS_PROFILE, else "default")
    --all-profiles       every profile in the AWS config and credentials files
    --region x,y|all     regions (default: each profile's own region; all: every region with pipelines)
    --endpoint-url URL   send every call to this endpoint
    --events QUEUE_URL   read CodePipeline's events from this SQS queue (docs/events.md)
    --no-events          no change feed (not even the demo's): poll everything
`;

const COMMON = `    --config FILE        config file (default: $XDG_CONFIG_HOME/pipetop/config.json)
    --read-only          never change anything: every action is refused
    --json               machine-readable output (status, watch, why, actions)
`;

const OPERATOR_OPTIONS = `    --filter WORDS       act on every pipeline these words show (the console's filter; no PIPELINE):
                         prints the pre-flight table, and sends only with --yes (docs/actions.md)
    --yes                do not ask before acting (needed without a terminal)
    --timeout SECONDS    give up waiting after this long (default 300; exit 4)
`;

export function mainHelp(): string {
	const usage = Object.values(SUBCOMMANDS).map(({usage}) => `    $ pipetop ${usage}`);
	return `
  Usage
    $ pipetop                     the console on your AWS profiles
    $ pipetop --demo              the console on an embedded demo fleet (no AWS needed)
${usage.join('\n')}

${SOURCES}
  Options
${COMMON}    --no-notify          no terminal bell or desktop notification
    --execution-id ID    the execution to watch or act on (default: the latest)
${OPERATOR_OPTIONS}    --version, --help

  pipetop COMMAND --help shows one command's help.
`;
}

/** The help of one subcommand, or undefined for a name that is not one. */
export function subcommandHelp(name: string): string | undefined {
	const spec = SUBCOMMANDS[name];
	if (!spec) return undefined;
	const own = (spec.options ?? []).map(line => `    ${line}\n`).join('');
	return `
  Usage
    $ pipetop ${spec.usage}

  ${spec.about[0].toUpperCase()}${spec.about.slice(1)}.

${SOURCES}
  Options
${own}${COMMON}${OPERATOR.includes(name) ? OPERATOR_OPTIONS : ''}    --help
`;
}
