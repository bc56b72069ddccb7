/**
 * The config file, `$XDG_CONFIG_HOME/pipetop/config.json` (or --config FILE). Every field is
 * optional; flags win over the file. The loader (source/config/load.ts) validates it and names
 * the file, the field and what is wrong.
 */
export type PipetopConfig = {
	/** Profiles to watch (default: $AWS_PROFILE, else "default"). */
	profiles?: string[];
	allProfiles?: boolean;
	/** Regions to watch (default: each profile's own region); "all": every region of each profile's partition. */
	regions?: string[] | 'all';
	endpointUrl?: string;
	/** Refuse every mutation. */
	readOnly?: boolean;
	/** Profiles that are always read-only, e.g. ["prod"]. */
	readOnlyProfiles?: string[];
	/** Accounts (12-digit ids) that are always read-only, whichever profile reaches them. */
	readOnlyAccounts?: string[];
	/** A profile in readOnlyProfiles makes its account read-only for every profile (default true). */
	readOnlyFollowsAccount?: boolean;
	/** Polling cadence, in seconds. */
	intervals?: {
		activeSeconds?: number;
		idleSeconds?: number;
		discoverySeconds?: number;
		logFollowSeconds?: number;
	};
	/** Key overrides: command name (see source/ui/keymap.ts) to one key or several. */
	keys?: Record<string, string | string[]>;
	notifications?: {
		/** Terminal bell when a pipeline in view fails or starts waiting for approval. */
		bell?: boolean;
		/** OSC 9 desktop notification for the same events. */
		desktop?: boolean;
	};
	theme?: {
		/** "auto" uses the terminal's 16 colours unless NO_COLOR is set; "none" never colours. */
		color?: 'auto' | 'none';
	};
	/** Where operator actions are recorded (default: $XDG_STATE_HOME/pipetop/audit.jsonl). */
	auditLog?: string;
	/** The change feed: CodePipeline's EventBridge events through an SQS queue (docs/events.md). */
	events?: {
		queueUrl?: string;
		/** Whose credentials read the queue (default: the first profile watched). */
		profile?: string;
		/** The queue's region (default: from the queue URL, else the profile's). */
		region?: string;
		/** Idle pipelines are read this often while the feed is healthy (default 600), or less often: */
		safetyNetSeconds?: number;
		/** ...so that these reads average at most this many a minute (default 40: 2,000 pipelines every 53 minutes). */
		safetyNetCallsPerMinute?: number;
		/** No event for this long: poll as usual until one comes (default 3600; 0: never). */
		silentSeconds?: number;
		/** Pipelines of accounts no profile reads appear from their events, status only (default true). */
		seenThroughEvents?: boolean;
	};
};
