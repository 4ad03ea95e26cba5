import test from 'ava';
import {
	canonicalJson,
	configHash,
	containerLabels,
	containerName,
	networkLabels,
	volumeLabels,
} from '../../source/up/labels.js';
import {composeProject} from '../helpers/compose-project.js';

test('container labels are the full docker-compose 1.29 set', t => {
	const project = composeProject('shop', [], {workingDir: '/home/me/shop', configFiles: ['/home/me/shop/a.yml', '/home/me/shop/b.yml']});
	t.deepEqual(containerLabels({project, service: 'web', number: 2, configHash: 'abc'}), {
		'com.docker.compose.project': 'shop',
		'com.docker.compose.service': 'web',
		'com.docker.compose.container-number': '2',
		'com.docker.compose.oneoff': 'False',
		'com.docker.compose.config-hash': 'abc',
		'com.docker.compose.project.config_files': '/home/me/shop/a.yml,/home/me/shop/b.yml',
		'com.docker.compose.project.working_dir': '/home/me/shop',
		'com.docker.compose.version': '1.29.2',
	});
});

test('network and volume labels name their key in the file', t => {
	t.deepEqual(networkLabels('shop', 'default'), {
		'com.docker.compose.project': 'shop',
		'com.docker.compose.network': 'default',
		'com.docker.compose.version': '1.29.2',
	});
	t.deepEqual(volumeLabels('shop', 'data'), {
		'com.docker.compose.project': 'shop',
		'com.docker.compose.volume': 'data',
		'com.docker.compose.version': '1.29.2',
	});
});

test('container names follow compose v1', t => {
	t.is(containerName('shop', 'web', 1), 'shop_web_1');
});

test('the config hash is a sha256 of canonical JSON: key order does not matter, values do', t => {
	t.is(canonicalJson({b: 1, a: {d: [2, {z: 1, y: 2}], c: 3}}), '{"a":{"c":3,"d":[2,{"y":2,"z":1}]},"b":1}');
	// docker-compose's json_hash of {"a": 1} (json.dumps sort_keys, compact separators).
	t.is(configHash({a: 1}), '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
	t.is(configHash({x: 1, y: [1, 2]}), configHash({y: [1, 2], x: 1}));
	t.not(configHash({x: 1, y: [1, 2]}), configHash({x: 1, y: [2, 1]}));
});
