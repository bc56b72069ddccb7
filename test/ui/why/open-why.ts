/** From the fleet to a pipeline's cause, as a user gets there: `/NAME` Enter (filter), then `w`. */
import type {OpenConsole} from '../open-console.js';

export async function openWhy(console_: OpenConsole, name: string): Promise<void> {
	await console_.settle(0);
	await console_.terminal.press('/');
	await console_.terminal.type(name);
	await console_.terminal.press('enter');
	await console_.settle(0);
	await console_.terminal.press('w');
	await console_.settle();
}
