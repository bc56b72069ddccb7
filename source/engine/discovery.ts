/** ListPipelines, every page: the pipelines a source has now, with what the listing says of each. */

import type {SourceApi} from '../aws/index.js';
import {arrayField, num, obj, str} from './map-util.js';

export type Listed = {version?: number; pipelineType?: string; executionMode?: string};

type Call = <R>(operation: string, send: (signal: AbortSignal) => Promise<R>) => Promise<R>;

/** At most this many pages (of 1000): far above the quota of 1000 pipelines per region. */
const MAX_PAGES = 100;

export async function listAllPipelines(api: SourceApi, call: Call): Promise<Map<string, Listed>> {
	const listed = new Map<string, Listed>();
	let nextToken: string | undefined;
	let pages = 0;
	do {
		const output = await call('ListPipelines', signal => api.listPipelines({nextToken, maxResults: 1000}, {signal}));
		for (const item of arrayField(output.pipelines, 'pipelines')) {
			const summary = obj(item);
			const name = str(summary.name);
			if (name) listed.set(name, {version: num(summary.version), pipelineType: str(summary.pipelineType), executionMode: str(summary.executionMode)});
		}
		nextToken = str(output.nextToken);
		pages++;
	} while (nextToken && pages < MAX_PAGES);
	return listed;
}
