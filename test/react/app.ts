// Rendered by react.test.mjs: the wrappers from src/react with React 19 (no JSX, no transform).
import React from 'react';
import { createRoot } from 'react-dom/client';
import { VcMuteButton, VcPhone } from '../../src/react/index.js';
import { FakePhone } from '../../src/testing/fake-phone.js';

declare global {
  interface Window {
    seen: Array<{ type: string; detail: unknown }>;
    reactReady: Promise<void>;
  }
}

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
