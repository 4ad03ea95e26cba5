import test from 'ava';
import {render} from 'ink-testing-library';
import type {PickerItem} from '../../source/ui/picker-state.js';
import {Picker} from '../../source/ui/picker.js';
import {createTheme} from '../../source/ui/theme.js';
import {settle} from './dashboard-harness.js';

const items: PickerItem[] = ['alpha', 'beta', 'gamma'].map(name => ({kind: 'project', value: name, label: name, detail: ''}));

test('the picker folds a chunk of keys: "jj⏎" chooses the third item', async t => {
	const chosen: Array<PickerItem | undefined> = [];
	const {stdin, lastFrame, unmount} = render(<Picker items={items} reason="nothing here" theme={createTheme({isColorEnabled: false})} onDone={item => chosen.push(item)} />);
	await settle(() => (lastFrame() ?? '').includes('gamma'));
	stdin.write('jj\r');
	await settle(() => chosen.length > 0);
	t.deepEqual(chosen.map(item => item?.value), ['gamma']);
	unmount();
});
