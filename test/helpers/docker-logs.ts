import {sanitize} from '../../source/stack/sanitize.js';
import {cliLogLines} from './engine.js';

/** Every line the engine kept for a container, from `docker logs --timestamps`: "TIME TEXT", stdout and stderr merged by time; the text sanitized unless asked raw. */
export async function dockerLogLines(id: string, isSanitized = true): Promise<string[]> {
	const lines = await cliLogLines(id);
	return isSanitized ? lines.map(line => `${line.slice(0, line.indexOf(' '))} ${sanitize(line.slice(line.indexOf(' ') + 1))}`) : lines;
}
