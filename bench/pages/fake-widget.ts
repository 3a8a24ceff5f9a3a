// The drop-in element with the public fake phone, for the UI benchmarks (no SIP server needed).
import '../../src/vc-phone.js';
import { memoryStorage } from '../../src/phone/store.js';
import { FakePhone, settle } from '../../src/testing/fake-phone.js';

const w = window as unknown as Record<string, unknown>;
let phone: FakePhone;

w.mountWidget = () => {
  phone = new FakePhone({}, { storage: memoryStorage() });
  const element = document.createElement('vc-phone');
  element.phone = phone;
  element.setAttribute('silent', '');
  document.body.append(element);
  return true;
};

w.connectedCalls = async (count: number) => {
  for (let i = 0; i < count; i++) await phone.callInState('connected', '+44 20 7946 0958');
  return phone.calls.length;
};

/** Place, answer, send a digit, mute, hang up and bin: one full life of a box. */
w.callCycles = async (count: number) => {
  for (let i = 0; i < count; i++) {
    const call = await phone.call('+44 20 7946 0958');
    await settle();
    phone.far(call).answer();
    call.sendDtmf('5');
    call.mute();
    await settle();
    call.hangup();
    await new Promise(requestAnimationFrame);
    phone.removeCall(call.id);
    await new Promise(requestAnimationFrame);
  }
  return phone.calls.length;
};

/** Frame intervals over `ms`: a frame slower than 1.5 x 16.7 ms counts as dropped. */
w.frameStats = (ms: number) =>
  new Promise((resolve) => {
    const deltas: number[] = [];
    let last = performance.now();
    const end = last + ms;
    const tick = (now: number) => {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve({ frames: deltas.length, dropped: deltas.filter((d) => d > 25).length, worstMs: Math.max(...deltas) });
    };
    requestAnimationFrame(tick);
  });

w.vcReady = true;
