// Rendered by react.test.mjs: the wrappers from src/react with React 19 (no JSX, no transform).
import React from 'react';
import { createRoot } from 'react-dom/client';
import { VcMuteButton, VcPhone, VcPlaceCall } from '../../src/react/index.js';
import { FakePhone } from '../../src/testing/fake-phone.js';

declare global {
  interface Window {
    seen: Array<{ type: string; detail: unknown }>;
    reactReady: Promise<void>;
  }
}

// Typed, not rendered: React's own event props keep React's types on a wrapped element (a public
// member named like one, e.g. an `onFocus` handler, would take the prop over: npm run typecheck fails).
export const placeCallWithReactEvents = React.createElement(VcPlaceCall, {
  onFocus: (event: React.FocusEvent) => void event,
  onBlur: (event: React.FocusEvent) => void event,
  onInput: (event: React.FormEvent) => void event,
  onToggle: (event: React.SyntheticEvent) => void event,
  onKeyDown: (event: React.KeyboardEvent) => void event,
});

window.seen = [];
const record = (event: Event & { detail: unknown }): void => void window.seen.push({ type: event.type, detail: JSON.parse(JSON.stringify(event.detail)) });

window.reactReady = (async () => {
  const phone = new FakePhone();
  const connected = await phone.callInState('connected', '+1 415 555 0132');
  const root = createRoot(document.getElementById('root')!);
  root.render(
    React.createElement(
      'main',
      null,
      React.createElement(VcPhone, { phone, silent: true, onVcCallRequest: record, onVcCallDialing: record }),
      React.createElement('h2', null, 'Mute of the first call'),
      React.createElement(VcMuteButton, { call: connected, onVcMuteChange: record }),
    ),
  );
})();
