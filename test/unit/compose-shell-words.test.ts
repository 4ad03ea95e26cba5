import test from 'ava';
import {splitShellWords} from '../../source/compose/shell-words.js';

test('blanks separate words; runs of blanks, tabs and newlines count once', t => {
	t.deepEqual(splitShellWords('redis-server  --appendonly\tyes\n'), ['redis-server', '--appendonly', 'yes']);
	t.deepEqual(splitShellWords('   '), []);
	t.deepEqual(splitShellWords(''), []);
});

test('quotes group words and are removed; adjacent parts join', t => {
	t.deepEqual(splitShellWords(`server /data --console-address ":9001"`), ['server', '/data', '--console-address', ':9001']);
	t.deepEqual(splitShellWords(`sh -c 'echo "ready" && sleep 1'`), ['sh', '-c', 'echo "ready" && sleep 1']);
	t.deepEqual(splitShellWords(`--name="my app"x 'it''s'`), ['--name=my appx', 'its']);
	t.deepEqual(splitShellWords(`"" ''`), ['', ''], 'empty quotes are empty words');
});

test('single quotes are literal, backslashes included', t => {
	t.deepEqual(splitShellWords(String.raw`'a\nb' '$HOME'`), [String.raw`a\nb`, '$HOME']);
});

test('in double quotes a backslash escapes only " \\ $ and `', t => {
	t.deepEqual(splitShellWords(String.raw`"say \"hi\"" "back\\slash" "\$HOME" "keep\n"`), ['say "hi"', 'back\\slash', '$HOME', String.raw`keep\n`]);
});

test('outside quotes a backslash escapes the next character, and joins lines', t => {
	t.deepEqual(splitShellWords(String.raw`my\ file.txt \"quoted\"`), ['my file.txt', '"quoted"']);
	t.deepEqual(splitShellWords('first \\\nsecond'), ['first', 'second']);
});

test('an unterminated quote is an error', t => {
	t.throws(() => splitShellWords(`echo "hello`), {message: 'unterminated double quote'});
	t.throws(() => splitShellWords(`echo 'hello`), {message: 'unterminated single quote'});
});
