/**
 * A bounded memory of recent keys (event ids, pipelines): the oldest are forgotten first, so a
 * console that runs for weeks holds at most `limit` of them. SQS delivers at least once and
 * duplicates arrive close together, so a few thousand recent ids are plenty.
 */
export class Recent<V> {
	private readonly items = new Map<string, V>();

	constructor(private readonly limit: number) {}

	get(key: string): V | undefined {
		return this.items.get(key);
	}

	set(key: string, value: V): void {
		this.items.delete(key);
		this.items.set(key, value);
		if (this.items.size > this.limit) this.items.delete(this.items.keys().next().value as string);
	}

	get size(): number {
		return this.items.size;
	}
}
