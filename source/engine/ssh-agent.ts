import http from 'node:http';
import type {Duplex} from 'node:stream';
import {Client, type ConnectConfig} from 'ssh2';

/**
 * An HTTP agent whose connections are `docker system dial-stdio` over ssh, one ssh session per
 * connection. Handed to dockerode with a plain http:// address, the requests carry well-formed
 * URLs: docker-modem's own ssh mode builds `ssh:host:port…` URLs that Node warns about (DEP0170).
 */
export class SshDialAgent extends http.Agent {
	constructor(private readonly config: ConnectConfig) {
		super({keepAlive: false});
	}

	override createConnection(_options: http.ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): Duplex | undefined {
		const client = new Client();
		const fail = (error: Error) => {
			client.end();
			// The stream is never read when the error is set.
			callback?.(error, undefined as unknown as Duplex);
		};

		client
			.once('ready', () => {
				client.exec('docker system dial-stdio', (error, stream) => {
					if (error !== undefined && error !== null) {
						fail(error);
						return;
					}

					stream.once('close', () => client.end());
					callback?.(null, stream as unknown as Duplex);
				});
			})
			.once('error', fail)
			.connect(this.config);
		return undefined;
	}
}
