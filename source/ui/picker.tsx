import {Box, Text, useApp, useInput} from 'ink';
import {toPresses} from './key-handler.js';
import {useEffect, useReducer, useRef} from 'react';
import {sanitize} from '../stack/sanitize.js';
import {initialPickerState, pickerKey, reducePicker, type PickerItem, type PickerState} from './picker-state.js';
import type {Theme} from './theme.js';

export type PickerProps = {
	readonly items: readonly PickerItem[];
	/** Why the picker shows: there was nothing to open here. */
	readonly reason: string;
	readonly theme: Theme;
	readonly onDone: (chosen: PickerItem | undefined) => void;
};

/** What to open when there is nothing here: the compose projects on the engine, then the shipped profiles. */
export function Picker({items, reason, theme, onDone}: PickerProps) {
	const [state, dispatch] = useReducer(reducePicker, items, initialPickerState);
	const latest = useRef<PickerState>(state);
	latest.current = state;
	const {exit} = useApp();
	// A chunk of keys ("jj⏎" from a paste or send-keys) is one press each; React applies the dispatches in order.
	useInput((input, key) => {
		for (const press of toPresses(input, key)) {
			const action = pickerKey(press.input, press.key);
			if (action !== undefined) {
				dispatch(action);
			}
		}
	});
	useEffect(() => {
		if (state.isDone) {
			onDone(state.chosen);
			exit();
		}
	}, [state.isDone]);

	const section = (kind: PickerItem['kind'], title: string, empty: string) => {
		const entries = items.map((item, index) => ({item, index})).filter(({item}) => item.kind === kind);
		return (
			<Box flexDirection="column" marginTop={1}>
				<Text bold={theme.isStyled}>{title}</Text>
				{entries.length === 0 ? <Text color={theme.status.muted}>  {empty}</Text> : null}
				{entries.map(({item, index}) => (
					<Text key={`${kind}-${item.value}`} inverse={theme.selection.isInverse && index === state.selected} wrap="truncate-end">
						{index === state.selected ? theme.selection.marker : ' '} {sanitize(item.label).padEnd(24)} <Text color={theme.status.muted}>{sanitize(item.detail)}</Text>
					</Text>
				))}
			</Box>
		);
	};

	return (
		<Box flexDirection="column">
			<Text>stacktui: {sanitize(reason)}</Text>
			{section('project', 'Compose projects on the engine', 'none')}
			{section('profile', 'Profiles', 'none')}
			<Box marginTop={1}>
				<Text color={theme.status.muted}>j/k move · enter open · q quit · or run stacktui -f FILE, stacktui -p NAME</Text>
			</Box>
		</Box>
	);
}
