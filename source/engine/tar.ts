/** One file of a tar archive. */
export type TarEntry = {
	/** Path in the archive; an absolute path is stored without its leading "/". */
	readonly path: string;
	readonly content: Buffer;
	readonly mode: number;
	readonly uid?: number;
	readonly gid?: number;
};

/**
 * A POSIX ustar archive of regular files: what the engine's put-archive endpoint takes to copy
 * files into a container (compose injects secrets and configs this way).
 */
export function tarArchive(entries: readonly TarEntry[]): Buffer {
	const blocks: Buffer[] = [];
	for (const entry of entries) {
		blocks.push(header(entry), entry.content, Buffer.alloc((512 - (entry.content.length % 512)) % 512));
	}

	blocks.push(Buffer.alloc(1024));
	return Buffer.concat(blocks);
}

function header(entry: TarEntry): Buffer {
	const block = Buffer.alloc(512);
	const name = entry.path.replace(/^\/+/, '');
	const [prefix, base] = name.length <= 100 ? ['', name] : [name.slice(0, name.lastIndexOf('/', name.length - 1)), name.slice(name.lastIndexOf('/') + 1)];
	if (Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155) {
		throw new Error(`path too long for a tar archive: ${entry.path}`);
	}

	const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0') + '\0';
	block.write(base, 0, 100, 'utf8');
	block.write(octal(entry.mode & 0o7777, 8), 100, 'ascii');
	block.write(octal(entry.uid ?? 0, 8), 108, 'ascii');
	block.write(octal(entry.gid ?? 0, 8), 116, 'ascii');
	block.write(octal(entry.content.length, 12), 124, 'ascii');
	block.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'ascii');
	block.write('        ', 148, 'ascii');
	block.write('0', 156, 'ascii');
	block.write('ustar\u000000', 257, 'ascii');
	block.write(prefix, 345, 155, 'utf8');
	let sum = 0;
	for (const byte of block) {
		sum += byte;
	}

	block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
	return block;
}
