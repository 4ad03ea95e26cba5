import test from 'ava';
import {interpolate, InterpolationError} from '../../source/compose/interpolation.js';

const variables: Record<string, string> = {NAME: 'shop', EMPTY: '', PORT: '5432', HOST: 'db'};
const lookup = (name: string) => variables[name];
const value = (text: string) => interpolate(text, lookup).value;

test('$VAR and ${VAR} substitute the value; text around them is kept', t => {
	t.is(value('$NAME'), 'shop');
	t.is(value('${NAME}'), 'shop');
	t.is(value('postgres://$HOST:${PORT}/x'), 'postgres://db:5432/x');
	t.is(value('${NAME}_data'), 'shop_data');
	t.is(value('$NAME_data'), '', 'an unbraced name runs as far as word characters go');
});

test('an unset variable becomes empty and is reported, once per use', t => {
	t.deepEqual(interpolate('a${MISSING}b$MISSING', lookup), {value: 'ab', unset: ['MISSING', 'MISSING']});
	t.deepEqual(interpolate('${EMPTY}', lookup), {value: '', unset: []}, 'set but empty is not unset');
});

test(':- and - defaults: ":-" also replaces an empty value, "-" only an unset one', t => {
	t.is(value('${MISSING:-fallback}'), 'fallback');
	t.is(value('${EMPTY:-fallback}'), 'fallback');
	t.is(value('${NAME:-fallback}'), 'shop');
	t.is(value('${MISSING-fallback}'), 'fallback');
	t.is(value('${EMPTY-fallback}'), '');
	t.is(value('${MISSING:-}'), '');
	t.deepEqual(interpolate('${MISSING:-x}', lookup).unset, [], 'a default means no warning');
});

test(':+ and + alternatives: used when the variable is set (":+" also needs it non-empty)', t => {
	t.is(value('${NAME:+yes}'), 'yes');
	t.is(value('${EMPTY:+yes}'), '');
	t.is(value('${MISSING:+yes}'), '');
	t.is(value('${EMPTY+yes}'), 'yes');
	t.is(value('${MISSING+yes}'), '');
});

test(':? and ? require the variable, with the given message', t => {
	t.is(value('${NAME:?needed}'), 'shop');
	t.is(value('${EMPTY?needed}'), '');
	t.throws(() => value('${MISSING:?set it in .env}'), {instanceOf: InterpolationError, message: 'required variable MISSING is missing: set it in .env'});
	t.throws(() => value('${EMPTY:?must not be empty}'), {message: 'required variable EMPTY is missing: must not be empty'});
	t.throws(() => value('${MISSING?}'), {message: 'required variable MISSING is missing a value'});
});

test('$$ is a literal dollar and is not interpolated further', t => {
	t.is(value('$$NAME'), '$NAME');
	t.is(value('$${NAME}'), '${NAME}');
	t.is(value('cost: 5$$'), 'cost: 5$');
});

test('a $ that starts no variable stays, as compose leaves "$(hostname)"', t => {
	t.is(value('--hostname $(hostname)'), '--hostname $(hostname)');
	t.is(value('price $ 5'), 'price $ 5');
	t.is(value('end$'), 'end$');
});

test('defaults nest and are interpolated themselves, only when used', t => {
	t.is(value('${MISSING:-${NAME}}'), 'shop');
	t.is(value('${MISSING:-${ALSO_MISSING:-deep}}'), 'deep');
	t.is(value('${MISSING:-$HOST:$PORT}'), 'db:5432');
	t.is(value('${NAME:-${MISSING:?not evaluated}}'), 'shop');
	t.is(value('${MISSING:-a}${MISSING:-b}'), 'ab');
	t.is(value('${MISSING:-{a}b}'), '{a}b', 'braces in a default balance, as docker compose config (2.40) shows');
	t.is(value('${MISSING:-{"a":{"b":2}}}'), '{"a":{"b":2}}');
});

test('malformed templates are errors naming the template', t => {
	t.throws(() => value('${}'), {message: 'invalid interpolation "${}" (write $$ for a literal $)'});
	t.throws(() => value('${1ABC}'), {message: 'invalid interpolation "${1ABC}" (write $$ for a literal $)'});
	t.throws(() => value('${NAME:x}'), {message: 'invalid interpolation "${NAME:x}" (write $$ for a literal $)'});
	t.throws(() => value('x ${NAME'), {message: 'invalid interpolation "${NAME": missing "}"'});
});
