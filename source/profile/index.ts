/** Public API of profiles: loading, validation against compose service names, discovery, summary. */
export {checkProfile, type CheckedProfile} from './check-profile.js';
export {checkProfileAgainstServices} from './check-services.js';
export {loadProfile, readProfile, type ProfileSource} from './load-profile.js';
export {listProfileFiles, packageProfilesDirectory, resolveProfilePath, type ProfileQuery} from './resolve-profile-path.js';
export {renderProfileSummary} from './summary.js';
export type * from './types.js';
