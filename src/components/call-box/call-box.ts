import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VcBoxCloseEvent, VcBoxRemoveEvent } from '../../events/user-events.js';
import { format, strings } from '../../i18n/strings.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';
import type { CallState } from '../../phone/types.js';
import { colorTagTokens } from '../color-tag/color-palette.js';
import type { VcDialpad } from '../dialpad/dialpad.js';
import { alertIcon, binIcon, closeIcon } from '../shared/icons.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { callBoxStyles } from './call-box.styles.js';
import { announcementFor, clockTime, formatDuration, isMicrophoneProblem, outcomeText, stateText } from './call-words.js';

export { CALL_BOX_PARTS } from './call-box.parts.js';
export { formatDuration };

const DTMF_KEYS = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);
/** Every custom state of the box (see `@cssstate` below). */
const CUSTOM_STATES = ['dialing', 'ringing', 'early-media', 'connected', 'ended', 'failed', 'live', 'muted'] as const;

/** Typing a digit here is text entry, not a DTMF key. */
function isTextEntry(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
}

/**
 * One call's box: the far party, the state in words ("Dialing", "Ringing", "Connected",
 * "Ended:" and the reason), a running timer, mute and dialpad while connected, the colour tag, the
 * close X (hangs up after a confirmation the agent can turn off) and, once the call is over, the
 * bin that removes the box. Digits typed while focus is in the box go to its dialpad. State
 * changes are announced in a polite live region; a microphone problem is shown as an alert that
 * says how to fix it.
 *
 * @summary One call: state, timer, mute, dialpad, colour tag, close and remove.
 *
 * @event {VcBoxCloseEvent} vc-box-close - The agent closed the box with the X; `detail: { callId, hangup }`.
 * @event {VcBoxRemoveEvent} vc-box-remove - The agent removed a finished call's box (bin); `detail: { callId }`.
 * @event {VcDtmfEvent} vc-dtmf - From the inner dialpad: a key was pressed.
 * @event {VcMuteChangeEvent} vc-mute-change - From the inner mute button.
 * @event {VcColorChangeEvent} vc-color-change - From the inner colour tag.
 *
 * @csspart base - The box (a group named "Call with" and the far party).
 * @csspart stripe - The colour-tag stripe along the left edge.
 * @csspart party - The far party's number or address.
 * @csspart status - The state in words, with a state dot.
 * @csspart timer - Talk time (running while connected; the duration after the end).
 * @csspart meta - When the call started.
 * @csspart alert - The microphone problem message.
 * @csspart close-button - The X (while the call is live).
 * @csspart remove-button - The bin (once the call is over).
 * @csspart controls - The row holding the mute button.
 * @csspart mute-button - The `<vc-mute-button>`.
 * @csspart dialpad - The `<vc-dialpad>`.
 * @csspart key - Each dialpad key (re-exported from the dialpad).
 * @csspart color-tag - The `<vc-color-tag>`.
 * @csspart color-tag-trigger - The colour tag's button.
 * @csspart color-tag-menu - The colour tag's palette.
 * @csspart dialog - The hang-up confirmation dialog.
 * @csspart hang-up-button - The dialog's "Hang up" button.
 * @csspart cancel-button - The dialog's "Cancel" button.
 *
 * @cssprop --vc-call-box-background - Box background (default `--vc-color-surface`).
 * @cssprop --vc-call-box-border-color - Box border (default `--vc-color-border`).
 * @cssprop --vc-call-box-radius - Box corner radius (default `--vc-radius` + 2px).
 * @cssprop --vc-call-box-shadow - Box shadow.
 * @cssprop --vc-call-box-ringing-color - State dot while dialing/ringing (default `--vc-color-accent`).
 * @cssprop --vc-call-box-connected-color - State text and dot while connected (default `--vc-color-success`).
 * @cssprop --vc-call-box-failed-color - State text and dot of a failed call (default `--vc-color-danger`).
 * @cssprop --vc-call-box-alert-background - Background of the microphone alert.
 * @cssprop --vc-call-box-backdrop - Backdrop behind the confirmation dialog.
 *
 * @cssstate dialing - The INVITE is on its way.
 * @cssstate ringing - The far end is ringing.
 * @cssstate early-media - The far end plays early media (also shown as ringing).
 * @cssstate connected - The call is answered.
 * @cssstate ended - The call ended after being placed (hung up, cancelled, reload).
 * @cssstate failed - The call could not be connected (busy, not found, microphone...).
 * @cssstate live - Dialing, ringing or connected.
 * @cssstate muted - The microphone of the call is muted.
 */
export class VcCallBox extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, colorTagTokens, callBoxStyles];

  /** The call shown. */
  @property({ attribute: false }) call?: Call;

  /** Id of the call to show, looked up in the phone (when `.call` is not set). */
  @property({ attribute: 'call-id' }) callId?: string;

  /** No local key tone on the dialpad. */
  @property({ type: Boolean, reflect: true }) silent = false;

  /** The text in the polite live region. */
  @state() private announcement = '';

  private seen: { id: string; state: CallState } | undefined;
  private tick: ReturnType<typeof setTimeout> | undefined;
  private closingToHangUp = false;

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeyDown);
  }

  /** The call shown (from `.call` or `call-id`). */
  get resolvedCall(): Call | undefined {
    return this.phoneConsumer.call;
  }

  protected override boundCall(phone: Phone | undefined): Call | undefined {
    return this.call ?? (this.callId ? phone?.getCall(this.callId) : undefined);
  }

  /** Focuses the box itself (digits typed next go to its dialpad). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('.base')?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  protected override willUpdate(): void {
    const call = this.phoneConsumer.call;
    if (!call) {
      this.seen = undefined;
      return;
    }
    if (this.seen?.id !== call.id) {
      // A new box: announce a live call once it is on screen, not a restored or finished one.
      if (call.isLive) {
        const first = stateText(call);
        setTimeout(() => {
          if (this.phoneConsumer.call === call && this.announcement === '') this.announcement = first;
        }, 50);
      }
    } else if (this.seen.state !== call.state) {
      this.announcement = announcementFor(call);
    }
    this.seen = { id: call.id, state: call.state };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const call = this.phoneConsumer.call;
    this.reflectState(call);
    if (call?.state === 'connected') this.startTimer();
    else this.stopTimer();
  }

  override render() {
    const call = this.phoneConsumer.call;
    if (!call) return nothing;
    const party = call.target.display;
    const live = call.isLive;
    const connected = call.state === 'connected';
    const micProblem = call.outcome && isMicrophoneProblem(call.outcome) ? call.outcome : undefined;
    const timer = connected ? formatDuration(call.durationMs) : call.answeredAt !== undefined && call.isFinal ? format(strings.duration, { time: formatDuration(call.durationMs) }) : '';
    return html`<div
      part="base"
      class="base"
      role="group"
      aria-label=${format(strings.callWith, { party })}
      tabindex="-1"
      data-state=${call.state}
      data-color=${call.color ?? nothing}
    >
      <span part="stripe" class="stripe" aria-hidden="true"></span>
      <div class="header">
        <p part="party" class="party" title=${party}>${party}</p>
        <vc-color-tag
          part="color-tag"
          exportparts="trigger: color-tag-trigger, menu: color-tag-menu"
          .call=${call}
        ></vc-color-tag>
        ${live
          ? html`<button part="close-button" class="button icon-button close" type="button" aria-label=${strings.close} title=${strings.close} @click=${this.onCloseClick}>
              ${closeIcon}
            </button>`
          : html`<button part="remove-button" class="button icon-button remove" type="button" aria-label=${strings.remove} title=${strings.remove} @click=${this.onRemoveClick}>
              ${binIcon}
            </button>`}
      </div>
      <div class="status-row">
        <span part="status" class="status"><span class="dot" aria-hidden="true"></span><span class="status-text">${stateText(call)}</span></span>
        ${timer ? html`<span part="timer" class="timer">${timer}</span>` : nothing}
      </div>
      ${call.isFinal ? html`<div part="meta" class="meta">${format(strings.startedAt, { time: clockTime(call.startedAt) })}</div>` : nothing}
      ${micProblem
        ? html`<div part="alert" class="alert" role="alert">
            ${alertIcon}
            <div><strong>${strings.microphoneProblem}</strong>
              <p>${outcomeText(micProblem)}</p></div>
          </div>`
        : nothing}
      ${connected
        ? html`<div part="controls" class="controls">
              <vc-mute-button part="mute-button" .call=${call}></vc-mute-button>
            </div>
            <vc-dialpad part="dialpad" exportparts="key" .call=${call} ?silent=${this.silent}></vc-dialpad>`
        : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <dialog
        part="dialog"
        class="dialog"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-text"
        @close=${this.onDialogClose}
      >
        <p id="confirm-title" class="dialog-title">${strings.confirmTitle}</p>
        <p id="confirm-text" class="dialog-text">${format(strings.confirmText, { party: party.replace(/ /g, '\u00a0') })}</p>
        <label class="checkbox"><input type="checkbox" class="dont-ask" />${strings.dontShowAgain}</label>
        <div class="actions">
          <button part="cancel-button" class="button" type="button" autofocus @click=${this.onCancelClick}>${strings.cancel}</button>
          <button part="hang-up-button" class="button danger" type="button" @click=${this.onHangUpClick}>${strings.hangUp}</button>
        </div>
      </dialog>
    </div>`;
  }

  private reflectState(call: Call | undefined): void {
    if (call) this.setAttribute('call-state', call.state);
    else this.removeAttribute('call-state');
    const on = new Set<string>();
    if (call) {
      on.add(call.state);
      if (call.isLive) on.add('live');
      if (call.muted) on.add('muted');
    }
    this.customStates.set(CUSTOM_STATES, on);
  }

  private startTimer(): void {
    if (this.tick !== undefined) return;
    const next = () => {
      const call = this.phoneConsumer.call;
      if (!call || call.state !== 'connected') {
        this.tick = undefined;
        return;
      }
      // Wake up on the next whole second of talk time.
      this.tick = setTimeout(() => {
        this.requestUpdate();
        next();
      }, 1000 - (call.durationMs % 1000) + 5);
    };
    next();
  }

  private stopTimer(): void {
    clearTimeout(this.tick);
    this.tick = undefined;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private onCloseClick(): void {
    const call = this.phoneConsumer.call;
    if (!call) return;
    if (call.isFinal) return;
    const phone = this.phoneConsumer.phone;
    if (phone?.confirmClose ?? true) {
      const dialog = this.dialog;
      if (dialog && !dialog.open) {
        const checkbox = dialog.querySelector<HTMLInputElement>('.dont-ask');
        if (checkbox) checkbox.checked = false;
        dialog.showModal();
        dialog.querySelector<HTMLButtonElement>('[part="cancel-button"]')?.focus();
      }
      return;
    }
    this.hangUp();
  }

  private onCancelClick(): void {
    this.dialog?.close();
    this.renderRoot.querySelector<HTMLButtonElement>('[part="close-button"]')?.focus();
  }

  private onHangUpClick(): void {
    const dialog = this.dialog;
    if (dialog?.querySelector<HTMLInputElement>('.dont-ask')?.checked) {
      const phone = this.phoneConsumer.phone;
      if (phone) phone.confirmClose = false;
    }
    this.closingToHangUp = true;
    dialog?.close();
    this.hangUp();
  }

  /** Closed by Cancel or Escape: focus goes back to the X (after Hang up, hangUp() moves it). */
  private onDialogClose(): void {
    if (this.closingToHangUp) {
      this.closingToHangUp = false;
      return;
    }
    this.renderRoot.querySelector<HTMLButtonElement>('[part="close-button"]')?.focus();
  }

  private hangUp(): void {
    const call = this.phoneConsumer.call;
    if (!call) return;
    const wasLive = call.isLive;
    call.hangup();
    this.dispatchEvent(new VcBoxCloseEvent({ callId: call.id, hangup: wasLive }));
    // The X gives way to the bin once the call is over: keep focus in the box.
    void this.updateComplete.then(() => {
      const next = this.renderRoot.querySelector<HTMLElement>('[part="remove-button"], [part="close-button"]');
      next?.focus();
    });
  }

  private onRemoveClick(): void {
    const call = this.phoneConsumer.call;
    if (!call || call.isLive) return;
    this.phoneConsumer.phone?.removeCall(call.id);
    this.dispatchEvent(new VcBoxRemoveEvent({ callId: call.id }));
  }

  /** Digits typed anywhere in the box (except in a text field) go to the dialpad. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!DTMF_KEYS.has(event.key) || isTextEntry(event.composedPath()[0]) || this.dialog?.open) return;
    const dialpad = this.renderRoot.querySelector<VcDialpad>('vc-dialpad');
    if (dialpad?.press(event.key)) event.preventDefault();
  };
}
