import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {recordFileName, type RecordLine} from './record-types.js';

const types = new Set(['run', 'container', 'event', 'samples', 'host', 'probe', 'warning', 'action', 'phase', 'step', 'note', 'end']);

/** The lines of DIR/record.ndjson; lines cut short by a kill and unknown types are skipped. Empty when there is no record. */
export function readRecordLines(directory: string): RecordLine[] {
	const file = path.join(directory, recordFileName);
	if (!existsSync(file)) return [];
	const lines: RecordLine[] = [];
	for (const text of readFileSync(file, 'utf8').split('\n')) {
		if (text.trim() === '') continue;
		try {
			const line = JSON.parse(text) as RecordLine;
			if (typeof line === 'object' && line !== null && types.has(line.type) && typeof line.at === 'number') lines.push(line);
		} catch {
			// A line cut short by a kill.
		}
	}

	return lines;
}
