import process from 'node:process';
import {render} from 'ink';
import type {PickerItem} from './picker-state.js';
import {Picker} from './picker.js';
import {createTheme, isColorWanted} from './theme.js';

/** Shows the picker until the user opens an item (resolved with it) or quits (undefined). */
export async function runPicker(items: readonly PickerItem[], reason: string): Promise<PickerItem | undefined> {
	let chosen: PickerItem | undefined;
	const theme = createTheme({isColorEnabled: isColorWanted(process.env)});
	const instance = render(<Picker items={items} reason={reason} theme={theme} onDone={item => (chosen = item)} />, {exitOnCtrlC: false});
	await instance.waitUntilExit();
	instance.clear();
	return chosen;
}
