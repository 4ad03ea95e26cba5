import test from 'ava';
import {formatListenAddress, parseListenAddress} from '../../source/metrics/listen-address.js';

test('HOST:PORT, [IPv6]:PORT and a bare port (loopback) are read', t => {
	t.deepEqual(parseListenAddress('127.0.0.1:9464'), {host: '127.0.0.1', port: 9464});
	t.deepEqual(parseListenAddress('localhost:9464'), {host: 'localhost', port: 9464});
	t.deepEqual(parseListenAddress('[::1]:9464'), {host: '::1', port: 9464});
	t.deepEqual(parseListenAddress('9464'), {host: '127.0.0.1', port: 9464});
	t.is(formatListenAddress({host: '::1', port: 9464}), '[::1]:9464');
});

test('every interface is never implied, and bad addresses say what is wrong', t => {
	t.regex(parseListenAddress(':9464') as string, /names no host.*0\.0\.0\.0:9464/);
	t.regex(parseListenAddress('127.0.0.1') as string, /is not HOST:PORT \(e\.g\. 127\.0\.0\.1:9464\)/);
	t.regex(parseListenAddress('127.0.0.1:99999') as string, /port 99999 is not between 0 and 65535/);
	t.regex(parseListenAddress('::1:9464') as string, /IPv6 address in brackets/);
	t.regex(parseListenAddress('[nope]:1') as string, /not an IPv6 address/);
});
