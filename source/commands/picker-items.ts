import type Docker from 'dockerode';
import {packageProfilesDirectory} from '../profile/resolve-profile-path.js';
import type {PickerItem} from '../ui/picker-state.js';
import {listProfiles} from './profiles-command.js';
import {listRunningProjects} from './project-files.js';

/** The picker's items: every compose project on the engine (like `docker compose ls`), then the profiles. */
export async function pickerItems(docker: Docker, profilesDirectory: string | undefined): Promise<PickerItem[]> {
	const projects = (await listRunningProjects(docker)).map(project => ({
		kind: 'project' as const,
		value: project.name,
		label: project.name,
		detail: `running(${project.running}/${project.total})  ${project.configFiles}`,
	}));
	const profiles = listProfiles(profilesDirectory ?? packageProfilesDirectory).map(profile => ({
		kind: 'profile' as const,
		value: profile.file,
		label: profile.id,
		detail: profile.error ?? `${profile.services ?? 0} services  ${profile.description ?? ''}`,
	}));
	return [...projects, ...profiles];
}
