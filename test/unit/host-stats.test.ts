import test from 'ava';
import {parseCpuTimes, parseMemoryUse, realMounts} from '../../source/stack/host-stats.js';

test('host CPU: busy is everything but idle and iowait, from the cpu line of /proc/stat', t => {
	t.deepEqual(parseCpuTimes('cpu  100 5 50 800 40 3 2 10 0 0\ncpu0 1 1 1 1 1 1 1 1\n'), {busy: 170, total: 1010});
	t.is(parseCpuTimes('intr 1\n'), undefined);
});

test('host memory in use is MemTotal minus MemAvailable, as free counts it', t => {
	t.deepEqual(parseMemoryUse('MemTotal:       16000 kB\nMemFree:         2000 kB\nMemAvailable:    6000 kB\n'), {usedBytes: 10_000 * 1024, totalBytes: 16_000 * 1024});
	t.is(parseMemoryUse('MemTotal: 1 kB\n'), undefined);
});

test('disk: real file systems only, not docker overlays, its own mounts, or kernel file systems', t => {
	const mounts = [
		'/dev/sda1 / ext4 rw,relatime 0 0',
		'proc /proc proc rw 0 0',
		'cgroup /sys/fs/cgroup/memory cgroup rw 0 0',
		'overlay /var/lib/docker/overlay2/abc/merged overlay rw 0 0',
		'/dev/sda1 /var/lib/docker ext4 rw 0 0',
		'/dev/sdb1 /mnt/my\\040data xfs rw 0 0',
		'tmpfs /run tmpfs rw 0 0',
	].join('\n');
	t.deepEqual(realMounts(mounts), ['/', '/mnt/my data']);
});
