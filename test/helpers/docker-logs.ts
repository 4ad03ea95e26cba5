import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {toNanoseconds} from '../../source/engine/log-lines.js';
import {sanitize} from '../../source/stack/sanitize.js';

const run = promisify(execFile);

/** Every line the engine kept for a container, from `docker logs --timestamps`: "TIME TEXT", stdout and stderr merged by time; the text sanitized unless asked raw. */
export async function dockerLogLines(id: string, isSanitized = true): Promise<string[]> {
	const {stdout, stderr} = await run('docker', ['logs', '--timestamps', id], {maxBuffer: 64 * 1024 * 1024});
	return [...stdout.split('\n'), ...stderr.split('\n')]
		.filter(line => line !== '')
		.map(line => (isSanitized ? `${line.slice(0, line.indexOf(' '))} ${sanitize(line.slice(line.indexOf(' ') + 1))}` : line))
		.sort((left, right) => Number(toNanoseconds(left.split(' ')[0] ?? '') - toNanoseconds(right.split(' ')[0] ?? '')));
}
