/**
 * Decodes the engine's multiplexed log stream (non-TTY containers): each frame is an
 * 8-byte header [stream, 0, 0, 0, size (uint32 big-endian)] and then `size` bytes.
 * Frames split lines arbitrarily, and chunks split frames arbitrarily.
 */
export type LogFrame = {readonly stream: 'stdout' | 'stderr'; readonly payload: Buffer};

const headerSize = 8;

export class LogFrameDecoder {
	#pending: Buffer = Buffer.alloc(0);

	push(chunk: Buffer): LogFrame[] {
		this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
		const frames: LogFrame[] = [];
		while (this.#pending.length >= headerSize) {
			const size = this.#pending.readUInt32BE(4);
			if (this.#pending.length < headerSize + size) {
				break;
			}

			const kind = this.#pending[0];
			frames.push({
				stream: kind === 2 ? 'stderr' : 'stdout',
				payload: this.#pending.subarray(headerSize, headerSize + size),
			});
			this.#pending = this.#pending.subarray(headerSize + size);
		}

		return frames;
	}
}
