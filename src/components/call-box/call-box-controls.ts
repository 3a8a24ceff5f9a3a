/**
 * The call box's controls row and what its buttons and shortcut keys do: Mute, Hold/Resume,
 * Merge/Split, the red Hang up, the Keypad toggle, the colour tag and the close X (after its
 * confirmation dialog) or, once the call is over, the bin; and the words of a refused hold or
 * merge. No telephony of its own: the call's and the phone's methods do the work.
 *
 * The row reads in the order it is tabbed: the call's own controls (Mute, Hold, Merge, Transfer:
 * its form opens under the row) at the start edge, then, kept together at the end edge, Hang up,
 * Keypad, the colour tag and the X or bin. Before the call is answered, an invisible stand-in
 * holds the Keypad's place, so Hang up is where the hand left it when the call connects
 * (call-box-controls.styles.ts keeps the row on one line down to a 281 px box, then wraps it by group).
 * @internal
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { VcBoxCloseEvent, VcBoxRemoveEvent } from '../../events/user-events.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';
import type { VcColorTag } from '../color-tag/color-tag.js';
import type { VcDialpad } from '../dialpad/dialpad.js';
import type { VcMuteButton } from '../mute-button/mute-button.js';
import { binIcon, closeIcon, keypadIcon, pauseIcon, phoneDownIcon, playIcon } from '../shared/icons.js';
import { shortcutFor } from './call-box-keys.js';
import { canHold, holdProblemWords, isHeld, toggleHold } from './call-features.js';
import { confirmDialog } from './confirm-dialog.js';
import { mergeButton, mergeCandidate, mergedPartner, mergeOrSplit, mergeProblemLine } from './merge-controls.js';

/** The box that shows the controls: it renders them and owns the keypad's open state. */
export interface CallBoxControlsHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  keypadOpen: boolean;
}

/** The phone and the call the box shows, kept current by the box. */
export interface BoundCall {
  readonly phone?: Phone;
  readonly call?: Call;
}

export class CallBoxControls {
  /** Why the last hold or resume was refused (the call stays as it was), until the next one. */
  private holdProblem: Error | undefined;
  /** Why the last merge or split was refused, until the next one. */
  private mergeProblem: unknown;
  /** A merge or split under way. */
  private merging = false;
  private closingToHangUp = false;

  constructor(
    private readonly host: CallBoxControlsHost,
    private readonly bound: () => BoundCall,
  ) {
    host.addEventListener('keydown', this.onKeyDown);
  }

  /** The controls row of `call`, with `transfer` (the box's transfer control: its form opens under the row). */
  render(call: Call, transfer: TemplateResult | typeof nothing = nothing) {
    const live = call.isLive;
    const connected = call.state === 'connected';
    return html`<div part="controls" class="controls">
      ${connected ? html`<vc-mute-button part="mute-button" .call=${call} aria-keyshortcuts="M"></vc-mute-button>` : nothing}
      ${canHold(call) ? this.holdButton(call) : nothing}
      ${connected ? this.mergeControl(call) : nothing}
      ${transfer}
      <div class="end">${live
        ? html`<button part="hangup-button" class="button danger hangup" type="button" title=${strings.hangUp} aria-disabled=${call.hangingUp ? 'true' : 'false'} @click=${this.onHangUpButton}>
            ${phoneDownIcon}<span class="label">${strings.hangUp}</span>
          </button>`
        : nothing}
      ${connected
        ? html`<button part="keypad-button" class="button keypad-toggle" type="button" title=${strings.keypad} aria-expanded=${this.host.keypadOpen ? 'true' : 'false'} aria-controls="keypad" aria-keyshortcuts="K" @click=${this.toggleKeypad}>
            ${keypadIcon}<span class="label">${strings.keypad}</span>
          </button>`
        : live
          ? html`<span class="button keypad-toggle stand-in" aria-hidden="true">${keypadIcon}<span class="label">${strings.keypad}</span></span>`
          : nothing}
      <vc-color-tag part="color-tag" exportparts="trigger: color-tag-trigger, menu: color-tag-menu" .call=${call}></vc-color-tag>
      ${live
        ? html`<button part="close-button" class="button icon-button close" type="button" aria-label=${strings.close} title=${strings.close} @click=${this.onCloseClick}>${closeIcon}</button>`
        : html`<button part="remove-button" class="button icon-button remove" type="button" aria-label=${strings.remove} title=${strings.remove} @click=${this.onRemoveClick}>${binIcon}</button>`}</div>
    </div>`;
  }

  /** Why the last merge or hold was refused, in words (while connected). */
  renderProblems(call: Call) {
    if (call.state !== 'connected') return nothing;
    return html`${this.mergeProblem ? mergeProblemLine(this.mergeProblem) : nothing}
    ${this.holdProblem ? html`<p part="hold-problem" class="detail" role="status">${holdProblemWords(this.holdProblem)}</p>` : nothing}`;
  }

  /** The close X's confirmation dialog, naming `party`. */
  renderDialog(party: string) {
    return confirmDialog(party, { cancel: this.onCancelClick, hangUp: this.onConfirmHangUp, close: this.onDialogClose });
  }

  private toggleHold(call: Call): void {
    this.holdProblem = undefined;
    this.host.requestUpdate();
    void toggleHold(call).then((refusal) => {
      this.holdProblem = refusal;
      this.host.requestUpdate();
    });
  }

  private holdButton(call: Call) {
    const held = isHeld(call);
    return html`<button part="hold-button" class="button hold" type="button" title=${held ? strings.resume : strings.hold} aria-keyshortcuts="H" @click=${() => this.toggleHold(call)}>
      ${held ? playIcon : pauseIcon}<span class="label">${held ? strings.resume : strings.hold}</span>
    </button>`;
  }

  private mergeControl(call: Call) {
    const { phone } = this.bound();
    const candidate = mergeCandidate(phone, call);
    const partner = mergedPartner(phone, call);
    return mergeButton(candidate, partner, this.merging, () => {
      if (!phone || this.merging) return;
      this.merging = true;
      this.mergeProblem = undefined;
      this.host.requestUpdate();
      void mergeOrSplit(phone, call, partner ? undefined : candidate).then((refusal) => {
        this.merging = false;
        this.mergeProblem = refusal;
        this.host.requestUpdate();
      });
    });
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  private focusPart(part: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(`[part="${part}"]`)?.focus();
  }

  private readonly toggleKeypad = (): void => {
    this.host.keypadOpen = !this.host.keypadOpen;
  };

  private readonly onHangUpButton = (): void => {
    const { call } = this.bound();
    if (call && !call.hangingUp) this.hangUp();
  };

  private readonly onCloseClick = (): void => {
    const { call, phone } = this.bound();
    if (!call || call.isFinal) return;
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
  };

  private readonly onCancelClick = (): void => {
    this.dialog?.close();
    this.focusPart('close-button');
  };

  private readonly onConfirmHangUp = (): void => {
    const dialog = this.dialog;
    if (dialog?.querySelector<HTMLInputElement>('.dont-ask')?.checked) {
      const { phone } = this.bound();
      if (phone) phone.confirmClose = false;
    }
    this.closingToHangUp = true;
    dialog?.close();
    this.hangUp();
  };

  /** Closed by Cancel or Escape: focus goes back to the X (after Hang up, hangUp() moves it). */
  private readonly onDialogClose = (): void => {
    if (this.closingToHangUp) {
      this.closingToHangUp = false;
      return;
    }
    this.focusPart('close-button');
  };

  private hangUp(): void {
    const { call } = this.bound();
    if (!call) return;
    const wasLive = call.isLive;
    call.hangup();
    this.host.dispatchEvent(new VcBoxCloseEvent({ callId: call.id, hangup: wasLive }));
    // Until the far end confirms, focus stays on Hang up; then on the bin (in a list, the list moves it to the folded row).
    const settle = () => {
      if (!this.host.isConnected) return;
      if (call.isFinal) void this.host.updateComplete.then(() => this.focusPart('remove-button'));
      else call.addEventListener('change', settle, { once: true });
    };
    if (!call.isFinal) this.focusPart('hangup-button');
    settle();
  }

  private readonly onRemoveClick = (): void => {
    const { call, phone } = this.bound();
    if (!call || call.isLive) return;
    phone?.removeCall(call.id);
    this.host.dispatchEvent(new VcBoxRemoveEvent({ callId: call.id }));
  };

  /** Digits and shortcuts typed anywhere in the box (except in a text field or the dialog). */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const { call } = this.bound();
    const action = shortcutFor(event);
    if (!call || !action || this.dialog?.open) return;
    const connected = call.state === 'connected';
    const root = this.host.renderRoot;
    if (action === 'dtmf') {
      if (root.querySelector<VcDialpad>('vc-dialpad')?.press(event.key)) event.preventDefault();
    } else if (action === 'mute' && connected) {
      event.preventDefault();
      root.querySelector<VcMuteButton>('vc-mute-button')?.toggle();
    } else if (action === 'hold' && canHold(call)) {
      event.preventDefault();
      this.toggleHold(call);
    } else if (action === 'keypad' && connected) {
      event.preventDefault();
      this.toggleKeypad();
      if (!this.host.keypadOpen) this.focusPart('keypad-button');
    } else if (action === 'escape' && this.host.keypadOpen) {
      const palette = root.querySelector<VcColorTag>('vc-color-tag');
      if (palette?.open) return;
      event.preventDefault();
      this.host.keypadOpen = false;
      this.focusPart('keypad-button');
    }
  };
}
