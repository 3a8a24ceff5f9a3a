import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PhoneConsumer } from '../../context/phone-context.js';
import { VcDtmfEvent } from '../../events/user-events.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import { VcElement } from '../../internal/vc-element.js';
import type { Call } from '../../phone/call.js';
import { tokens } from '../shared/tokens.styles.js';
import { dialpadStyles } from './dialpad.styles.js';

/** The keys, in dialpad order, with the letters printed under the digit. */
export const DIALPAD_KEYS: ReadonlyArray<{ digit: string; letters: string }> = [
  { digit: '1', letters: '' },
  { digit: '2', letters: 'ABC' },
  { digit: '3', letters: 'DEF' },
  { digit: '4', letters: 'GHI' },
  { digit: '5', letters: 'JKL' },
  { digit: '6', letters: 'MNO' },
  { digit: '7', letters: 'PQRS' },
  { digit: '8', letters: 'TUV' },
  { digit: '9', letters: 'WXYZ' },
  { digit: '*', letters: '' },
  { digit: '0', letters: '+' },
  { digit: '#', letters: '' },
];

/** The two DTMF frequencies (Hz) of each key: row, column. */
const TONES: Record<string, [number, number]> = {
  '1': [697, 1209], '2': [697, 1336], '3': [697, 1477],
  '4': [770, 1209], '5': [770, 1336], '6': [770, 1477],
  '7': [852, 1209], '8': [852, 1336], '9': [852, 1477],
  '*': [941, 1209], '0': [941, 1336], '#': [941, 1477],
};

/** Arrow keys move like on the pad: a column left/right, a row up/down. */
const ARROWS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -3, ArrowDown: 3, Home: -Infinity, End: Infinity };

const TONE_SECONDS = 0.08;
const TONE_VOLUME = 0.05;
const PRESS_FEEDBACK_MS = 140;

/**
 * The 0-9 * # keys of a call: each press (click, or a digit typed while focus is in the dialpad
 * or its call box) sends the DTMF digit on the call at once (the call queues fast digits, none is
 * lost), plays a short local key tone and flashes the key. Disabled unless the call is connected.
 * The keypad is one Tab stop: the arrow keys move between keys (as on the pad: up and down by a
 * row), Home and End go to the first and last key (roving tabindex).
 *
 * @summary DTMF keypad for a connected call.
 *
 * @event {VcDtmfEvent} vc-dtmf - The agent pressed a key; `detail: { callId, digit }`.
 *
 * @csspart base - The grid of keys.
 * @csspart key - Each key (a button named by its symbol: "1", "2 ABC", ... "0 +", "#").
 *
 * @cssprop --vc-dialpad-gap - Space between keys (default 6px).
 * @cssprop --vc-dialpad-max-width - Width of the keypad (default 240px).
 * @cssprop --vc-dialpad-key-height - Height of a key (default 40px).
 * @cssprop --vc-dialpad-key-radius - Corner radius of a key (default `--vc-radius`).
 * @cssprop --vc-dialpad-key-background - Key background (default `--vc-color-surface`).
 * @cssprop --vc-dialpad-key-border-color - Key border.
 * @cssprop --vc-dialpad-key-pressed-background - Background of a key while pressed.
 */
export class VcDialpad extends VcElement {
  static override styles = [tokens, dialpadStyles];

  /** The call the digits are sent on. */
  @property({ attribute: false }) call?: Call;

  /** No local key tone. */
  @property({ type: Boolean, reflect: true }) silent = false;

  /** Keys currently showing their press feedback. */
  @state() private pressed: ReadonlySet<string> = new Set();
  /** The key that takes the one Tab stop. */
  @state() private current = 0;

  private readonly consumer = new PhoneConsumer(this, { call: () => this.call });
  private audio: AudioContext | undefined;
  private readonly feedbackTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeyDown);
  }

  /** The keys work (the call is connected). */
  get active(): boolean {
    return this.consumer.call?.state === 'connected';
  }

  /**
   * Presses a key as if clicked: sends the digit on the call, with tone and feedback.
   * Returns false (and does nothing) when the key is unknown or the call is not connected.
   */
  press(digit: string): boolean {
    const call = this.consumer.call;
    if (!(digit in TONES) || !call || call.state !== 'connected') return false;
    try {
      call.sendDtmf(digit);
    } catch {
      return false;
    }
    this.dispatchEvent(new VcDtmfEvent({ callId: call.id, digit }));
    this.playTone(digit);
    this.flash(digit);
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.feedbackTimers.values()) clearTimeout(timer);
    this.feedbackTimers.clear();
    void this.audio?.close().catch(() => undefined);
    this.audio = undefined;
  }

  override render() {
    const disabled = !this.active;
    return html`<div part="base" class="base" role="group" aria-label=${strings.dialpad}>
      ${DIALPAD_KEYS.map(
        ({ digit, letters }, index) =>
          html`<button
            part="key"
            class="key ${this.pressed.has(digit) ? 'pressed' : ''}"
            type="button"
            tabindex=${index === this.current ? '0' : '-1'}
            data-digit=${digit}
            ?disabled=${disabled}
            @click=${() => this.press(digit)}
            @focus=${() => (this.current = index)}
          >
            <span class="digit">${digit}</span>
            <span class="letters">${letters}</span>
          </button>`,
      )}
    </div>`;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const move = ARROWS[event.key];
    if (move !== undefined) {
      event.preventDefault();
      this.moveFocus(move);
      return;
    }
    if (event.repeat) return;
    // Enter/Space on a focused key already click it; only the digit keys are handled here.
    if (this.press(event.key)) event.preventDefault();
  };

  /** Moves the Tab stop (and focus) by `step` keys; `Infinity`/`-Infinity` = last/first. */
  private moveFocus(step: number): void {
    const last = DIALPAD_KEYS.length - 1;
    const next = step === Infinity ? last : step === -Infinity ? 0 : this.current + step;
    if (next < 0 || next > last) return;
    this.current = next;
    this.renderRoot.querySelectorAll<HTMLButtonElement>('.key')[next]?.focus();
  }

  private flash(digit: string): void {
    clearTimeout(this.feedbackTimers.get(digit));
    this.pressed = new Set([...this.pressed, digit]);
    this.feedbackTimers.set(
      digit,
      setTimeout(() => {
        this.feedbackTimers.delete(digit);
        const next = new Set(this.pressed);
        next.delete(digit);
        this.pressed = next;
      }, PRESS_FEEDBACK_MS),
    );
  }

  /** A short, quiet dual tone; the AudioContext is created on the first press only. */
  private playTone(digit: string): void {
    if (this.silent) return;
    try {
      this.audio ??= new AudioContext();
      const context = this.audio;
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
      const start = context.currentTime;
      const gain = context.createGain();
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(TONE_VOLUME, start + 0.005);
      gain.gain.setValueAtTime(TONE_VOLUME, start + TONE_SECONDS - 0.01);
      gain.gain.linearRampToValueAtTime(0, start + TONE_SECONDS);
      gain.connect(context.destination);
      for (const frequency of TONES[digit]) {
        const oscillator = context.createOscillator();
        oscillator.frequency.value = frequency;
        oscillator.connect(gain);
        oscillator.start(start);
        oscillator.stop(start + TONE_SECONDS);
      }
    } catch {
      // No audio (blocked or unsupported): the key still works, only silently.
    }
  }
}
