/** Tunnels: resolve each tunnel of the profile to its public URL and status. */
export {quickTunnelAddress, quickTunnelPattern, readQuickTunnel} from './cloudflared.js';
export {type FetchJsonOptions, type JsonAnswer, fetchJson} from './fetch-json.js';
export {matchLogLine} from './log-match.js';
export type {LogSource} from './log-watch.js';
export {readNgrokTunnels} from './ngrok.js';
export {followServiceLogs, serviceRunOf} from './service-sources.js';
export {type ServiceRun, type TunnelReading, type TunnelStatus, initialTunnelStatus, toTunnelStatus} from './types.js';
export {type WatchTunnelOptions, watchTunnel} from './watch-tunnel.js';
