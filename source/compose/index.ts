/** The compose loader: compose files in, the normalized model that `up` creates out. */
export {loadComposeProject, type LoadOptions} from './load.js';
export {dependencyOrder} from './dependencies.js';
export {interpolate, InterpolationError, type Interpolated, type Lookup} from './interpolation.js';
export {parseEnvFile, readEnvFile} from './env-file.js';
export {splitShellWords} from './shell-words.js';
export {parsePortEntry} from './ports.js';
export {parseVolumeEntry} from './volumes.js';
export type * from './types.js';
