import {useEffect, useState} from 'react';
import type {SessionView, StackSession} from '../stack/session.js';

/** The session's view, re-rendered at the session's own tick (never per sample). */
export function useSessionView(session: StackSession): SessionView {
	const [view, setView] = useState(session.view);
	useEffect(() => session.subscribe(setView), [session]);
	return view;
}
