import type {TmuxTerminal} from './tmux.js';

/** The table row of a service: its line on the screen, `>` in front when selected. */
export function rowOf(screen: string, service: string): string {
	return screen.split('\n').find(line => new RegExp(`^[> ] ${service}\\s`).test(line)) ?? '';
}

/** The service of the selected row (the one marked `>`). */
export function selectedService(screen: string, services: readonly string[]): string | undefined {
	return services.find(service => rowOf(screen, service).startsWith('>'));
}

/** Moves the selection to a service's row with g and j, waiting for the screen to follow each key. */
export async function selectRow(terminal: TmuxTerminal, services: readonly string[], service: string): Promise<void> {
	await terminal.keys('g');
	await terminal.waitFor(text => selectedService(text, services) === services[0], 5000, 'the top row selected');
	for (let step = 0; step < services.length; step++) {
		const current = selectedService(await terminal.screen(), services);
		if (current === service) return;
		await terminal.keys('j');
		await terminal.waitFor(text => selectedService(text, services) !== current, 5000, 'the selection to move');
	}

	throw new Error(`could not select ${service}`);
}
