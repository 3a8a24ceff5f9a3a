// Test page helpers: a Phone from the CDN build, and a log of every event it dispatched.
import * as vc from '/cdn/index.js';

const EVENTS = ['vc-call-dialing', 'vc-call-ringing', 'vc-call-answered', 'vc-call-dtmf', 'vc-call-mute', 'vc-call-held', 'vc-call-resumed', 'vc-call-transfer', 'vc-call-merged', 'vc-call-split', 'vc-call-color',
  'vc-call-ended', 'vc-call-failed', 'vc-call-removed', 'vc-input-error', 'vc-connection-change'];

window.vc = vc;
window.events = [];
window.calls = {};

/** Creates the page's phone; every event it dispatches is logged with a timestamp. */
window.makePhone = (config) => {
  const phone = new vc.Phone(config);
  for (const type of EVENTS) {
    phone.addEventListener(type, (event) => {
      const detail = event.detail;
      window.events.push({ type, at: Date.now(), callId: detail.call?.id, state: detail.call?.state, detail: JSON.parse(JSON.stringify(detail)) });
    });
  }
  window.phone = phone;
  return true;
};

/** Places a call; resolves with { id, clickAt } or { error: {code, message, field} }. */
window.placeCall = async (name, to, options) => {
  const clickAt = Date.now();
  try {
    const call = await window.phone.call(to, options);
    window.calls[name] = call;
    return { id: call.id, clickAt };
  } catch (error) {
    return { error: { code: error.code, message: error.message, field: error.field } };
  }
};

window.callState = (name) => {
  const call = window.calls[name];
  return call && { ...call.toJSON() };
};

window.vcReady = true;
