/**
 * Story helpers: every story gets its own `FakePhone` (memory storage, scripted far end), so no
 * SIP server is needed and stories never share state.
 */
import type { Call } from '../src/phone/call.js';
import type { CallState } from '../src/phone/types.js';
import { FakePhone, settle } from '../src/testing/fake-phone.js';

export { FakePhone, settle };

/** One call per entry, placed in that order (the newest is shown first). */
export interface CallSpec {
  state: CallState | 'muted' | 'mic-denied';
  to?: string;
  color?: string;
  failStatus?: number;
}

/** A fake phone with calls in the given states. */
export async function phoneWithCalls(specs: CallSpec[] = [], config: ConstructorParameters<typeof FakePhone>[0] = {}): Promise<{ phone: FakePhone; calls: Call[] }> {
  const phone = new FakePhone(config);
  const calls: Call[] = [];
  for (const spec of specs) {
    const to = spec.to ?? '+44 20 7946 0958';
    let call: Call;
    if (spec.state === 'mic-denied') {
      phone.microphone = 'denied';
      call = await phone.call(to);
      await settle();
      phone.microphone = 'granted';
    } else if (spec.state === 'muted') {
      call = await phone.callInState('connected', to);
      call.mute();
    } else {
      call = await phone.callInState(spec.state, to, spec.failStatus);
    }
    if (spec.color) call.setColor(spec.color);
    calls.push(call);
  }
  await settle();
  return { phone, calls };
}

/** Waits until every element under `root` (through shadow roots) has rendered. */
export async function rendered(root: Element): Promise<void> {
  const walk = async (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      const update = (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      if (update) await update;
      if (el.shadowRoot) await walk(el.shadowRoot);
    }
  };
  await walk(root);
}

/** What the stories' loaders hand to `render` (`loaded`). */
export type Loaded = Awaited<ReturnType<typeof phoneWithCalls>>;
