/** One thing the picker offers: a compose project on the engine, or a shipped profile. */
export type PickerItem = {
	readonly kind: 'project' | 'profile';
	/** The project name, or the profile's file. */
	readonly value: string;
	readonly label: string;
	readonly detail: string;
};

export type PickerState = {readonly items: readonly PickerItem[]; readonly selected: number; readonly chosen: PickerItem | undefined; readonly isDone: boolean};

export type PickerKey = 'up' | 'down' | 'choose' | 'quit';

export function initialPickerState(items: readonly PickerItem[]): PickerState {
	return {items, selected: 0, chosen: undefined, isDone: false};
}

/** The picker's one reducer: move, choose the selected item, or quit with nothing. */
export function reducePicker(state: PickerState, key: PickerKey): PickerState {
	if (state.isDone) {
		return state;
	}

	switch (key) {
		case 'up': {
			return {...state, selected: Math.max(0, state.selected - 1)};
		}

		case 'down': {
			return {...state, selected: Math.min(state.items.length - 1, state.selected + 1)};
		}

		case 'choose': {
			const chosen = state.items[state.selected];
			return chosen === undefined ? state : {...state, chosen, isDone: true};
		}

		case 'quit': {
			return {...state, isDone: true};
		}
	}
}

/** Keys as the picker reads them: j/k and arrows move, enter chooses, q and esc quit. */
export function pickerKey(input: string, key: {upArrow?: boolean; downArrow?: boolean; return?: boolean; escape?: boolean; ctrl?: boolean}): PickerKey | undefined {
	if (key.upArrow || input === 'k') return 'up';
	if (key.downArrow || input === 'j') return 'down';
	if (key.return) return 'choose';
	if (key.escape || input === 'q' || (key.ctrl && input === 'c')) return 'quit';
	return undefined;
}
