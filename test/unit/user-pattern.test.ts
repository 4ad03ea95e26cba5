import test from 'ava';
import {compileUserPattern, userPatternProblem} from '../../source/config/user-pattern.js';
import {checkProfile} from '../../source/profile/check-profile.js';
import {matchLogLine} from '../../source/stack/tunnels/index.js';

test('a catastrophic pattern over a long line of a\'s then ! finds no URL and returns', t => {
	// (a+)+$ takes a backtracking engine 2^n steps on n a's followed by a character that is not one.
	const line = `${'a'.repeat(5000)}!`;
	const started = process.hrtime.bigint();
	t.is(matchLogLine(compileUserPattern('(a+)+$'), line), undefined);
	t.is(matchLogLine(compileUserPattern('(x+x+)+y'), 'x'.repeat(5000)), undefined);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	t.true(seconds < 5, `returned after ${seconds.toFixed(2)} s; a backtracking engine would not return in a lifetime`);
});

test('patterns of the profiles match as before: the first group, or the whole match', t => {
	t.is(matchLogLine(compileUserPattern(String.raw`url=(\S+)`), 'msg="started tunnel" url=https://a.example.net'), 'https://a.example.net');
	t.is(matchLogLine(compileUserPattern(String.raw`https://[a-z0-9-]+\.trycloudflare\.com`), '|  https://c-d.trycloudflare.com  |'), 'https://c-d.trycloudflare.com');
	t.is(matchLogLine(compileUserPattern(String.raw`(?<url>https:\/\/\S+)`), 'at https://x.example'), 'https://x.example', 'named groups and escaped slashes, as JavaScript writes them');
	t.is(matchLogLine(compileUserPattern(String.raw`url=(\S*)`), 'url= (none yet)'), undefined, 'an empty match is no URL');
});

test('what RE2 cannot run is named: lookarounds and backreferences', t => {
	t.regex(userPatternProblem('https://(?=x)\\S+') ?? '', /RE2.*\(\?=/);
	t.regex(userPatternProblem(String.raw`(a)\1`) ?? '', /RE2.*\\1/);
	t.is(userPatternProblem(String.raw`url=(\S+)`), undefined);
});

test('check warns, at the pattern\'s line and column, on a tunnel pattern RE2 cannot run; the profile stays valid', t => {
	const checked = checkProfile('test/fixtures/profiles/warn/lookahead-pattern.yaml');
	t.deepEqual(checked.warnings.map(warning => warning.replace(/:.*? the linear-time/, ': the linear-time')), [
		'test/fixtures/profiles/warn/lookahead-pattern.yaml: the linear-time engine (RE2) cannot run it: error parsing regexp: invalid or unsupported Perl syntax: `(?=`; lookarounds and backreferences are not supported',
	]);
	t.regex(checked.warnings[0] ?? '', /^test\/fixtures\/profiles\/warn\/lookahead-pattern\.yaml:6:14: tunnels\[0\]\.pattern: /);
});
