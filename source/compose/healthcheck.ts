import type {FieldReader} from './field-reader.js';
import type {Healthcheck} from './types.js';

const nanosecondsPerMillisecond = 1e6;

/**
 * `healthcheck:` in engine form: a string test runs in the shell (CMD-SHELL), a list is used as
 * written, `disable: true` is ["NONE"]; Go durations become nanoseconds.
 */
export function readHealthcheck(reader: FieldReader): Healthcheck | undefined {
	if (reader.value(['healthcheck']) === undefined) {
		return undefined;
	}

	const nanoseconds = (key: string) => {
		const milliseconds = reader.durationMs(['healthcheck', key]);
		return milliseconds === undefined ? undefined : Math.round(milliseconds * nanosecondsPerMillisecond);
	};

	const isDisabled = reader.boolean(['healthcheck', 'disable']) === true;
	return {
		test: isDisabled ? ['NONE'] : testOf(reader),
		intervalNs: isDisabled ? undefined : nanoseconds('interval'),
		timeoutNs: isDisabled ? undefined : nanoseconds('timeout'),
		retries: isDisabled ? undefined : reader.count(['healthcheck', 'retries']),
		startPeriodNs: isDisabled ? undefined : nanoseconds('start_period'),
	};
}

function testOf(reader: FieldReader): string[] {
	const test = reader.value(['healthcheck', 'test']);
	if (typeof test === 'string') {
		return ['CMD-SHELL', test];
	}

	if (!Array.isArray(test)) {
		return [];
	}

	const [kind] = test as unknown[];
	if (kind !== 'CMD' && kind !== 'CMD-SHELL' && kind !== 'NONE') {
		reader.fail(['healthcheck', 'test'], 'a list must start with "CMD", "CMD-SHELL" or "NONE"');
	}

	return kind === 'NONE' ? ['NONE'] : test.map(String);
}
