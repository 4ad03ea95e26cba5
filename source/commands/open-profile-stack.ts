import {chooseStack, nothingToOpen, openStack, type OpenedStack, type StackQuery} from './resolve-stack.js';
import {UsageError} from './usage-error.js';

/**
 * The stack a command that judges budgets works on: a profile or compose files, chosen as the
 * dashboard chooses (PROFILE, --profile, -f, ./stacktui.yaml, the compose files here). A project
 * named alone (-p) has no budgets to judge: a usage error, as is nothing to open.
 */
export function openProfileStack(query: StackQuery, command: string): OpenedStack {
	const choice = chooseStack(query);
	if (choice.kind === 'nothing') throw nothingToOpen(query.cwd);
	if (choice.kind === 'project') throw new UsageError(`${command} needs a profile or compose files, not only -p ${choice.project}: give PROFILE or -f FILE`);
	return openStack(choice, query);
}
