/**
 * The embedded service in a process of its own (started by sim-process.js): in real-time
 * benchmarks the service stands for AWS, so its CPU must not be counted against pipetop's, nor
 * compete with it for the same event loop. Talks to its parent over IPC.
 */
import {load} from './dist.js';
import {fleetScenario} from './scenario.js';

const [{RealClock}, {startSim}, {createWorld}] = await Promise.all([load('shared/clock.js'), load('sim/start.js'), load('sim/world/index.js')]);

const options = JSON.parse(process.argv[2]);
const clock = new RealClock();
// events: CodePipeline's events on, to a queue in that account (bench/feed.js).
const scenario = {...fleetScenario(options.fleet), ...(options.events && {events: options.events})};
const world = createWorld({scenario, clock, seed: options.seed ?? 1});
const sim = await startSim({world, clock, seed: options.seed ?? 1, faults: options.faults});
const files = await sim.writeAwsDir(options.dir);

const cpuAtStart = process.cpuUsage();
process.on('message', async message => {
	if (message.type === 'stats') process.send({type: 'stats', id: message.id, stats: sim.stats(), cpuMs: cpuMs()});
	else if (message.type === 'reset') {
		sim.resetStats();
		process.send({type: 'reset', id: message.id});
	} else if (message.type === 'faults') {
		sim.setFaults(message.faults);
		process.send({type: 'faults', id: message.id});
	} else if (message.type === 'stop') {
		await sim.stop();
		world.stop();
		clock.clearAll();
		process.send({type: 'stop', id: message.id});
		process.disconnect();
	}
});

function cpuMs() {
	const used = process.cpuUsage(cpuAtStart);
	return (used.user + used.system) / 1000;
}

process.send({type: 'ready', url: sim.url, eventsQueueUrl: sim.eventsQueueUrl, files, accounts: world.accounts().map(({profile, regions}) => ({profile, regions})), pipelines: world.pipelines()});
