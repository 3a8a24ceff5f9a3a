/** The close X's confirmation: a native modal `<dialog>` (focus trapped, Escape cancels). */
import { html } from 'lit';
import { format } from '../../i18n/strings.js';
import { callStrings as strings } from '../../i18n/call-box-strings.js';

export interface ConfirmDialogHandlers {
  cancel: () => void;
  hangUp: () => void;
  /** The dialog closed (by either button or Escape). */
  close: () => void;
}

export function confirmDialog(party: string, on: ConfirmDialogHandlers) {
  return html`<dialog part="dialog" class="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @close=${on.close}>
    <p id="confirm-title" class="dialog-title">${strings.confirmTitle}</p>
    <p id="confirm-text" class="dialog-text">${format(strings.confirmText, { party: party.replace(/ /g, '\u00a0') })}</p>
    <label class="checkbox"><input type="checkbox" class="dont-ask" />${strings.dontShowAgain}</label>
    <div class="actions">
      <button part="cancel-button" class="button" type="button" autofocus @click=${on.cancel}>${strings.cancel}</button>
      <button part="hang-up-button" class="button danger" type="button" @click=${on.hangUp}>${strings.hangUp}</button>
    </div>
  </dialog>`;
}
