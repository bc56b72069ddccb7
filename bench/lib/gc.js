/** A full garbage collection on demand, with or without --expose-gc, for honest heap figures. */
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';

let collect = globalThis.gc;
if (!collect) {
	setFlagsFromString('--expose-gc');
	collect = runInNewContext('gc');
}

/** Collects twice (the second pass takes what finalizers of the first freed); returns heapUsed in MB. */
export function heapAfterGc() {
	collect();
	collect();
	return process.memoryUsage().heapUsed / 1048576;
}
