/**
 * Story helpers: every story gets its own `FakePhone` (memory storage, scripted far end), so no
 * SIP server is needed and stories never share state.
 */
import type { Call } from '../src/phone/call.js';
import type { CallState } from '../src/phone/types.js';
import { FakePhone, settle, type FakePhoneOptions } from '../src/testing/fake-phone.js';
import { defaultStrings, setStrings } from '../src/i18n/strings.js';

export { FakePhone, settle };

/** One call per entry, placed in that order (the newest is shown first). */
export interface CallSpec {
  /** `audio-removed` / `answer-unusable`: ended in the way `outcome.cause` names. */
  state: CallState | 'muted' | 'mic-denied' | 'on-hold' | 'held-by-remote' | 'hanging-up' | 'audio-removed' | 'answer-unusable';
  to?: string;
  /** The CRM's contact name (the box's title). */
  label?: string;
  color?: string;
  failStatus?: number;
}

/** A fake phone with calls in the given states. */
export async function phoneWithCalls(
  specs: CallSpec[] = [],
  config: ConstructorParameters<typeof FakePhone>[0] = {},
  options: FakePhoneOptions = {},
): Promise<{ phone: FakePhone; calls: Call[] }> {
  // Stories share one page in Storybook's UI: each starts from the English words.
  setStrings({ ...defaultStrings, outcomes: {}, inputErrors: {} });
  // A hang-up the far end never confirms keeps "Hanging up…" on screen.
  const phone = new FakePhone(config, specs.some((spec) => spec.state === 'hanging-up') ? { hangupDelayMs: 3_600_000, ...options } : options);
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
    } else if (spec.state === 'on-hold' || spec.state === 'held-by-remote' || spec.state === 'hanging-up') {
      call = await phone.callInState('connected', to);
      const holdable = call as unknown as { hold?: () => Promise<void> };
      const far = phone.far(call) as unknown as { hold?: () => void };
      if (spec.state === 'on-hold') await holdable.hold?.call(call).catch(() => undefined);
      if (spec.state === 'held-by-remote') far.hold?.();
      if (spec.state === 'hanging-up') call.hangup();
    } else if (spec.state === 'audio-removed' || spec.state === 'answer-unusable') {
      call = await phone.callInState(spec.state === 'audio-removed' ? 'connected' : 'ringing', to);
      if (spec.state === 'audio-removed') phone.far(call).removeAudio();
      else phone.far(call).answerWithoutAudio();
    } else {
      call = await phone.callInState(spec.state, to, spec.failStatus);
    }
    if (spec.color) call.setColor(spec.color);
    // Until the core's per-call label lands, a story sets it as the CRM would pass it.
    if (spec.label) Object.defineProperty(call, 'label', { value: spec.label, configurable: true });
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
