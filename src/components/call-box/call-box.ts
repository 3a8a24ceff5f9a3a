import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { format } from '../../i18n/strings.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';
import type { CallState } from '../../phone/types.js';
import { colorTagTokens } from '../color-tag/color-palette.js';
import { alertIcon } from '../shared/icons.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { CallBoxControls } from './call-box-controls.js';
import { callBoxControlsStyles } from './call-box-controls.styles.js';
import { callBoxStyles } from './call-box.styles.js';
import { TalkTimeTicker } from './talk-time-ticker.js';
import { LazyTransfer } from './lazy-transfer.js';
import { InputLevelMeter } from './input-level-meter.js';
import { newQualityWarnings, qualityText } from './quality-words.js';
import { activeCallId, isHeld, isHeldByRemote, partyName, partyNumber, talkingWhileMuted } from './call-features.js';
import { announcementFor, clockTime, formatDuration, isMicrophoneProblem, outcomeText, stateChip, stateDetail, stateText } from './call-words.js';
import { mergeAnnouncement, mergedLine, mergedPartner } from './merge-controls.js';

export { CALL_BOX_PARTS } from './call-box.parts.js';

export { formatDuration };

/** Every custom state of the box (see `@cssstate` below). */
const CUSTOM_STATES = ['dialing', 'ringing', 'early-media', 'connected', 'ended', 'failed', 'live', 'muted', 'on-hold', 'held-by-remote', 'active', 'keypad-open', 'merged'] as const;

/**
 * One call's box. The title is who is on the line (the CRM's label, else the number, with the
 * number as a muted second line under a label; long text ellipsizes, the full text is on hover
 * and read to screen readers), a short state chip ("Ringing", "Connected", "On hold", "Busy",
 * "Ended"...) with a muted detail line (how it ended, the SIP code), and the talk time. The
 * controls row reads in the order it is tabbed: Mute, Hold/Resume, Merge/Split (when another
 * call is connected; a merged call shows "Merged with …"), Transfer (its form opens under the
 * row), a red Hang up, Keypad (the dialpad, with a readout of the digits sent), the colour
 * swatch and the close X (hangs up after a confirmation the agent can turn off), those four kept
 * together at the end edge; once the call is over the bin replaces the X. The row is one line
 * down to a 281 px box (narrower, it wraps between its two groups), with Hang up and what follows
 * it at the end edge, so Hang up stays in one place from dialing to the end of the call; the
 * detail line, warnings and refusals come under the buttons and never move them.
 *
 * Keyboard, while focus is in the box: digits go to the dialpad (DTMF), `M` mutes, `H` holds or
 * resumes, `K` opens the keypad, `Escape` closes the keypad or the palette. State changes are
 * announced in a polite live region (unless `quiet`: `<vc-call-list>` announces for all its
 * boxes in one region). A microphone problem is shown as an alert that says how to fix it.
 *
 * @summary One call: who, state chip, timer, mute, hold, hang up, keypad, colour tag, close.
 *
 * @event {VcBoxCloseEvent} vc-box-close - The agent closed the box with the X, or hung up with Hang up; `detail: { callId, hangup }`.
 * @event {VcBoxRemoveEvent} vc-box-remove - The agent removed a finished call's box (bin); `detail: { callId }`.
 * @event {VcDtmfEvent} vc-dtmf - From the inner dialpad: a key was pressed.
 * @event {VcMuteChangeEvent} vc-mute-change - From the inner mute button.
 * @event {VcColorChangeEvent} vc-color-change - From the inner colour tag.
 *
 * @csspart base - The box (a group named "Call with" and the far party).
 * @csspart stripe - The colour-tag stripe along the left edge.
 * @csspart party - Who is on the line: the label, else the number or address.
 * @csspart number - The number or address under a label.
 * @csspart status - The state chip ("Ringing", "Connected", "On hold", "Busy", "Ended"...).
 * @csspart detail - The muted line under the title: how the call ended, the SIP code, who holds.
 * @csspart timer - Talk time (running while connected; the duration after the end).
 * @csspart muted-badge - "Muted", by the timer, while the microphone is off.
 * @csspart muted-hint - "You're muted", when the agent talks while muted.
 * @csspart level-meter - The microphone's live level (a bar, hidden from screen readers), while connected.
 * @csspart quality - The quality warnings in words ("No audio from the other party for 3 s"), while they last (each announced when raised).
 * @csspart meta - When the call started (finished calls).
 * @csspart alert - The microphone problem message.
 * @csspart hold-problem - Why a hold or resume was refused (the call stays as it was).
 * @csspart controls - The row of buttons.
 * @csspart mute-button - The `<vc-mute-button>`.
 * @csspart hold-button - Hold / Resume.
 * @csspart merge-button - "Merge" (with the one other connected call), named "Merge with …".
 * @csspart split-button - "Split", once merged (named "Split from …").
 * @csspart merged - The "Merged with …" line of a merged call.
 * @csspart merge-problem - Why a merge or split was refused.
 * @csspart hangup-button - The red Hang up button of the controls row (36 px or more).
 * @csspart keypad-button - The Keypad toggle.
 * @csspart transfer - The `<vc-transfer>` (Transfer, its number field, consult; its parts are exported as `transfer-*`), `display: contents` in the controls row: its button is one of the row's controls, its form opens under the row.
 * @csspart transfer-problem - Why the transfer form could not be loaded (shown under "Transfer"; pressing it again tries again).
 * @csspart keypad - The panel with the readout and the dialpad.
 * @csspart readout - The digits sent on the call.
 * @csspart dialpad - The `<vc-dialpad>`.
 * @csspart key - Each dialpad key (re-exported from the dialpad).
 * @csspart color-tag - The `<vc-color-tag>`.
 * @csspart color-tag-trigger - The colour tag's swatch button.
 * @csspart color-tag-menu - The colour tag's palette.
 * @csspart close-button - The X (while the call is live).
 * @csspart remove-button - The bin (once the call is over).
 * @csspart dialog - The hang-up confirmation dialog.
 * @csspart hang-up-button - The dialog's "Hang up" button.
 * @csspart cancel-button - The dialog's "Cancel" button.
 *
 * @cssprop --vc-call-box-background - Box background (default `--vc-color-surface`).
 * @cssprop --vc-call-box-border-color - Box border (default `--vc-color-border`).
 * @cssprop --vc-call-box-active-color - Ring around the active call when several are live (default `--vc-color-accent`).
 * @cssprop --vc-call-box-radius - Box corner radius (default `--vc-radius` + 2px).
 * @cssprop --vc-call-box-shadow - Box shadow.
 * @cssprop --vc-call-box-ringing-color - Chip of a call in progress (default `--vc-color-accent`).
 * @cssprop --vc-call-box-connected-color - Chip of a connected call (default `--vc-color-success`).
 * @cssprop --vc-call-box-held-color - Chip of a call on hold (default `--vc-color-warning`).
 * @cssprop --vc-call-box-failed-color - Chip of a failed call (default `--vc-color-danger`).
 * @cssprop --vc-call-box-alert-background - Background of the microphone alert.
 * @cssprop --vc-call-box-level-color - The level meter's bar (default `--vc-color-success`).
 * @cssprop --vc-call-box-quality-color - Text of the quality warnings (default: the box's text colour; the icon uses `--vc-color-warning`).
 * @cssprop --vc-call-box-backdrop - Backdrop behind the confirmation dialog.
 * @cssprop --vc-motion-duration - Global: length of the enter, fold and hover transitions (default 160ms; 0 with reduced motion).
 *
 * @cssstate dialing - The INVITE is on its way.
 * @cssstate ringing - The far end is ringing.
 * @cssstate early-media - The far end plays early media (also shown as ringing).
 * @cssstate connected - The call is answered (also while on hold).
 * @cssstate on-hold - The agent put the call on hold.
 * @cssstate held-by-remote - The other party put the call on hold.
 * @cssstate active - The phone's active call, while other calls are live.
 * @cssstate keypad-open - The keypad is shown.
 * @cssstate ended - The call ended after being placed (hung up, cancelled, reload).
 * @cssstate failed - The call could not be connected (busy, not found, microphone...).
 * @cssstate live - Dialing, ringing or connected.
 * @cssstate muted - The microphone of the call is muted.
 * @cssstate merged - The call is merged with another (one conversation).
 */
export class VcCallBox extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, colorTagTokens, callBoxStyles, callBoxControlsStyles];

  /** The call shown. */
  @property({ attribute: false }) call?: Call;

  /** Id of the call to show, looked up in the phone (when `.call` is not set). */
  @property({ attribute: 'call-id' }) callId?: string;

  /** No local key tone on the dialpad. */
  @property({ type: Boolean, reflect: true }) silent = false;

  /** Announces nothing itself (a `<vc-call-list>` announces for all its boxes, in one live region). */
  @property({ type: Boolean }) quiet = false;

  /** The keypad (dialpad and readout) is shown. */
  @property({ type: Boolean, attribute: 'keypad-open', reflect: true }) keypadOpen = false;

  /** The text in the polite live region. */
  @state() private announcement = '';
  /** The digits sent on this call from this box, for the readout. */
  @state() private sent = '';

  private seen: { id: string; state: CallState; mergedWith?: string } | undefined;
  /** The quality warnings shown at the last update (newly raised ones are announced). */
  private seenQuality = '';
  /** `<vc-transfer>`, loaded on first use (lazy-transfer.ts). */
  private readonly transfer = new LazyTransfer(this);
  /** The controls row, what its buttons and shortcut keys do, and the close X's dialog (call-box-controls.ts). */
  private readonly controls = new CallBoxControls(this, () => this.phoneConsumer);

  constructor() {
    super();
    // The timer re-renders on each whole second of talk time.
    new TalkTimeTicker(this, () => this.phoneConsumer.call);
    // The microphone level, drawn per animation frame while connected.
    new InputLevelMeter(this, () => this.phoneConsumer.call);
    this.addEventListener('vc-dtmf', (event) => (this.sent += event.detail.digit));
  }

  /** @internal The call shown (from `.call` or `call-id`). */
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

  protected override willUpdate(): void {
    const call = this.phoneConsumer.call;
    if (!call) {
      this.seen = undefined;
      return;
    }
    if (this.seen?.id !== call.id) {
      this.sent = '';
      // A new box: announce a live call once it is on screen (the region must exist before it speaks).
      if (call.isLive && !this.quiet) void this.updateComplete.then(() => this.announcement === '' && this.phoneConsumer.call === call && (this.announcement = this.inLocale(() => stateText(call))));
    } else if (this.seen.state !== call.state && !this.quiet) {
      this.announcement = announcementFor(call);
    } else if (this.seen.mergedWith !== call.mergedWith && !this.quiet) {
      this.announcement = mergeAnnouncement(this.phoneConsumer.phone, call, this.seen.mergedWith);
    }
    this.seen = { id: call.id, state: call.state, mergedWith: call.mergedWith };
    const quality = newQualityWarnings(this.seenQuality, call.qualityWarnings);
    this.seenQuality = quality.key;
    if (quality.words && !this.quiet) this.announcement = quality.words;
    if (call.state !== 'connected') this.keypadOpen = false;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const call = this.phoneConsumer.call;
    this.reflectState(call);
  }

  override render() {
    const call = this.phoneConsumer.call;
    if (!call) return nothing;
    const name = partyName(call);
    const number = partyNumber(call);
    const live = call.isLive;
    const connected = call.state === 'connected';
    const chip = stateChip(call);
    const detail = stateDetail(call);
    const micProblem = call.outcome && isMicrophoneProblem(call.outcome) ? call.outcome : undefined;
    const timer = connected ? formatDuration(call.durationMs) : call.answeredAt !== undefined && call.isFinal ? format(strings.duration, { time: formatDuration(call.durationMs) }) : '';
    // The header (one height while live: the timer's line is kept), the buttons, then what the
    // agent reads: a detail line, a warning or a refusal never moves a button.
    return html`<div
      part="base"
      class="base"
      role="group"
      aria-label=${format(strings.callWith, { party: name })}
      tabindex="-1"
      data-state=${call.state}
      data-color=${call.color ?? nothing}
      ?data-active=${this.isActive(call)}
    >
      <span part="stripe" class="stripe" aria-hidden="true"></span>
      <div class="header">
        <div class="who">
          <p part="party" class="party" dir="auto" title=${name}>${name}</p>
          ${number ? html`<p part="number" class="number" dir="ltr" title=${number}>${number}</p>` : nothing}
        </div>
        <div class="state">
          <span part="status" class="chip" data-tone=${chip.tone}>${chip.text}</span>
          <span class="time">
            ${call.muted && live ? html`<span part="muted-badge" class="badge">${strings.muted}</span>` : nothing}
            ${connected ? html`<span part="level-meter" class="level" aria-hidden="true"><span class="level-bar"></span></span>` : nothing}
            ${timer ? html`<span part="timer" class="timer">${timer}</span>` : nothing}
          </span>
        </div>
      </div>
      ${this.controls.render(call, connected ? this.transfer.render(this.phoneConsumer.phone, call) : nothing)}
      ${connected
        ? html`<div part="keypad" class="keypad" id="keypad" ?hidden=${!this.keypadOpen}>
            <p part="readout" class="readout">${this.sent ? format(strings.digitsSent, { digits: this.sent.length > 24 ? `…${this.sent.slice(-24)}` : this.sent }) : strings.noDigitsSent}</p>
            <vc-dialpad part="dialpad" exportparts="key" .call=${call} ?silent=${this.silent}></vc-dialpad>
          </div>`
        : nothing}
      ${detail ? html`<p part="detail" class="detail">${detail}</p>` : nothing}
      ${connected ? mergedLine(mergedPartner(this.phoneConsumer.phone, call)) : nothing}
      ${this.controls.renderProblems(call)}
      ${call.isFinal ? html`<p part="meta" class="meta">${format(strings.startedAt, { time: clockTime(call.startedAt) })}</p>` : nothing}
      ${talkingWhileMuted(call) ? html`<p part="muted-hint" class="muted-hint">${strings.mutedWhileTalking}</p>` : nothing}
      ${connected ? html`<div part="quality" class="quality">${call.qualityWarnings.map((change) => html`<p data-warning=${change.warning}>${alertIcon}<span>${qualityText(change)}</span></p>`)}</div>` : nothing}
      ${micProblem
        ? html`<div part="alert" class="alert" role="alert">
            ${alertIcon}
            <div><strong>${strings.microphoneProblem}</strong>
              <p>${outcomeText(micProblem)}</p></div>
          </div>`
        : nothing}
      ${this.quiet ? nothing : html`<div class="visually-hidden" role="status">${this.announcement}</div>`}
      ${this.controls.renderDialog(name)}
    </div>`;
  }

  private isActive(call: Call): boolean {
    const phone = this.phoneConsumer.phone;
    return call.isLive && activeCallId(phone) === call.id && (phone?.calls.filter((c) => c.isLive).length ?? 0) > 1;
  }

  private reflectState(call: Call | undefined): void {
    if (call) this.setAttribute('call-state', call.state);
    else this.removeAttribute('call-state');
    const on = new Set<string>();
    if (call) {
      on.add(call.state);
      if (call.isLive) on.add('live');
      if (call.muted) on.add('muted');
      if (isHeld(call)) on.add('on-hold');
      if (isHeldByRemote(call)) on.add('held-by-remote');
      if (this.isActive(call)) on.add('active');
      if (this.keypadOpen) on.add('keypad-open');
      if (call.mergedWith) on.add('merged');
    }
    this.customStates.set(CUSTOM_STATES, on);
  }
}
