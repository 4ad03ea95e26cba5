import {spawnSync} from 'node:child_process';
import test from 'ava';
import {containerShellArgs, shellOutcome} from '../../source/ui/terminal.js';

test('the shell wrapper exits 0 after a last command that failed: that is the user\'s business', t => {
	const args = containerShellArgs('abc');
	t.deepEqual(args.slice(0, 5), ['exec', '-it', 'abc', 'sh', '-c']);
	const wrapper = args[5] ?? '';
	const result = spawnSync('sh', ['-c', wrapper], {input: 'false\nexit\n', encoding: 'utf8'});
	t.is(result.status, 0);
	const bare = spawnSync('sh', ['-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi'], {input: 'false\nexit\n'});
	t.is(bare.status, 1, 'without the wrapper docker exec would report the shell\'s last status');
});

test('back from the shell is no error; docker failing to run it is', t => {
	t.deepEqual(shellOutcome('docker', 0, null), {text: 'back from the shell', isError: false});
	t.deepEqual(shellOutcome('docker', 1, null), {text: 'the shell could not run: docker exited with 1', isError: true});
	const missing = Object.assign(new Error('spawn docker ENOENT'), {code: 'ENOENT'});
	t.deepEqual(shellOutcome('docker', null, null, missing), {text: 'docker is not on PATH: the shell key needs the docker CLI', isError: true});
});
