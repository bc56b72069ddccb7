/**
 * Frames from scratch in a process of its own, from a store saved as JSON: render.js (which
 * measures the production build pipetop ships) runs it with NODE_ENV=development to show what
 * React's development build costs (React picks its build when first loaded, so this cannot be
 * switched within one process).
 * render.js also times the production frames here, started with the launcher's heap flags, so that
 * the process holds what the console's holds and not the simulated world that loaded the store.
 * argv: STATE_FILE KEY COUNT COLUMNS ROWS NOW
 */
import {readFile} from 'node:fs/promises';
import {load} from './dist.js';
import {timeBothFrames} from './frames.js';

const [file, key, count, columns, rows, now] = process.argv.slice(2);
const {createFleetStore} = await load('store/create.js');
const store = createFleetStore(JSON.parse(await readFile(file, 'utf8')));
const startedReal = Date.now();
const result = timeBothFrames(store, key, {count: Number(count), columns: Number(columns), rows: Number(rows), now: () => Number(now) + (Date.now() - startedReal)});
process.stdout.write(JSON.stringify({nodeEnv: process.env.NODE_ENV ?? null, ...result}));
