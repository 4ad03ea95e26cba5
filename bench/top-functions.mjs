// Reads a .cpuprofile (node --cpu-prof) and prints where the time went: self time by function and by
// package/file, and inclusive time of the functions named on the command line.
//   node bench/top-functions.mjs FILE.cpuprofile [SKIP_S] [NAME...]   # SKIP_S: leave out the start-up
import {readFileSync} from 'node:fs';

const [file, skipArgument = '0', ...names] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const skipMicros = Number(skipArgument) * 1e6;
const nodes = new Map(profile.nodes.map(node => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const self = new Map();
const byPlace = new Map();
const inclusive = new Map(names.map(name => [name, 0]));
const allInclusive = new Map();
let time = profile.startTime;
let total = 0;
let idle = 0;
const add = (map, key, micros) => map.set(key, (map.get(key) ?? 0) + micros);
const placeOf = url => {
	if (url === '') return '(native)';
	const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (module) return module[1];
	return url.replace(/^.*\/(dist|source)\//, '$1/');
};

for (const [index, id] of profile.samples.entries()) {
	const delta = profile.timeDeltas[index] ?? 0;
	time += delta;
	if (time - profile.startTime < skipMicros) continue;
	const node = nodes.get(id);
	const {functionName, url, lineNumber} = node.callFrame;
	if (functionName === '(idle)') {
		idle += delta;
		continue;
	}

	total += delta;
	add(self, `${functionName || '(anonymous)'} ${placeOf(url)}:${lineNumber + 1}`, delta);
	add(byPlace, placeOf(url), delta);
	const seen = new Set();
	const seenAll = new Set();
	for (let at = id; at !== undefined; at = parents.get(at)) {
		const frame = nodes.get(at).callFrame;
		const name = frame.functionName;
		const key = `${name || '(anonymous)'} ${placeOf(frame.url)}:${frame.lineNumber + 1}`;
		if (!seenAll.has(key)) {
			seenAll.add(key);
			add(allInclusive, key, delta);
		}

		if (inclusive.has(name) && !seen.has(name)) {
			seen.add(name);
			add(inclusive, name, delta);
		}
	}
}

const span = (time - profile.startTime - skipMicros) / 1e6;
const print = (title, map, count) => {
	console.log(`\n${title}`);
	for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
		console.log(`${(micros / 1e3).toFixed(1).padStart(9)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`);
	}
};

console.log(`${file}: ${span.toFixed(1)} s profiled (after ${skipArgument} s), ${(total / 1e3).toFixed(0)} ms on CPU (${((total / 1e6 / span) * 60).toFixed(2)} CPU-s/min), idle ${(idle / 1e6).toFixed(1)} s`);
print('self time by package / file', byPlace, 25);
print('self time by function', self, 30);
if (names.length > 0) print('inclusive time', inclusive, names.length);
else print('inclusive time by function', allInclusive, 40);
