/**
 * The call box's door to `<vc-transfer>`: the transfer form is its own chunk in the CDN build, so
 * a plain first call does not download it. Until it is defined the box shows a "Transfer" button
 * of its own (same part, same name); pressing it loads the form (with a deadline, words if it
 * can't load, and the next press tries again), then opens its number field with focus in it.
 * The form is prefetched when the browser is idle after a call connects, so an agent's first
 * press normally finds it there; a transfer or consult started from code loads it at once (its
 * progress words live in the form).
 * @internal
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { callStrings as strings } from '../../i18n/call-box-strings.js';
import { whenIdle } from '../../internal/when-idle.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';
import { transferIcon } from '../shared/icons.js';
import type { VcTransfer } from '../transfer/transfer.js';
import { TRANSFER_PARTS } from '../transfer/transfer.parts.js';

/** The transfer element's parts, re-exported with a `transfer-` prefix. */
const TRANSFER_EXPORTS = TRANSFER_PARTS.filter((part) => part !== 'base').map((part) => `${part}: transfer-${part.replace(/^transfer-/, '')}`).join(', ');

/** How long a press of "Transfer" waits for the form's code. */
export const TRANSFER_FORM_DEADLINE_MS = 15_000;

type Load = () => Promise<unknown>;
const importForm: Load = () => import('../transfer/vc-transfer.js');
let loadForm: Load = importForm;
let loading: Promise<unknown> | undefined;
let formDeadlineMs = TRANSFER_FORM_DEADLINE_MS;

/**
 * Loads `<vc-transfer>`'s code (it defines the tag) once; a failed load is forgotten so the next
 * press tries again. (Not phone/lazy-door.ts: sharing it would make a chunk of its own.)
 */
function loadTransferForm(): Promise<unknown> {
  if (!loading) {
    const attempt = loadForm();
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
  }
  return loading;
}

/** The form's code within `deadlineMs` (rejects when it fails to load or takes longer). */
function transferFormWithin(deadlineMs: number): Promise<unknown> {
  const attempt = loadTransferForm();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (loading === attempt) loading = undefined;
      reject(new Error('The transfer form did not load in time.'));
    }, deadlineMs);
    attempt.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** @internal For tests: where the form's code comes from (no argument: the real import). */
export function useTransferFormLoader(load: Load = importForm, deadlineMs = TRANSFER_FORM_DEADLINE_MS): void {
  loadForm = load;
  loading = undefined;
  formDeadlineMs = deadlineMs;
}

const TAG = 'vc-transfer';
const defined = (): boolean => customElements.get(TAG) !== undefined;
let prefetchScheduled = false;

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class LazyTransfer implements ReactiveController {
  private loading = false;
  private failed = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    if (defined()) return;
    void customElements.whenDefined(TAG).then(async () => {
      // The form replaces the stand-in button: keep the agent's focus on "Transfer" (a press
      // under way moves it into the field itself).
      const hadFocus = !this.loading && (this.standIn()?.matches(':focus') ?? false);
      this.host.requestUpdate();
      await this.host.updateComplete;
      const form = this.form();
      if (!hadFocus || !form) return;
      await form.updateComplete;
      form.renderRoot.querySelector<HTMLElement>('[part="transfer-button"]')?.focus();
    });
  }

  /** The transfer control of a connected `call`: one of the box's row of controls (the form and its words go under the row). */
  render(phone: Phone | undefined, call: Call) {
    if (defined()) return html`<vc-transfer part="transfer" exportparts=${TRANSFER_EXPORTS} .phone=${phone} .call=${call}></vc-transfer>`;
    if (!prefetchScheduled) {
      prefetchScheduled = true;
      whenIdle(() => void loadTransferForm().catch(() => undefined));
    }
    // Started from code (a transfer under way, a consult call): the form says how it goes, load it now.
    if (call.transferStatus || phone?.calls.some((other) => other.consultFor === call.id)) void loadTransferForm().catch(() => undefined);
    return html`<div part="transfer" class="transfer-door">
      <button
        part="transfer-button"
        class="button transfer-toggle"
        type="button"
        title=${strings.transfer}
        aria-expanded="false"
        aria-busy=${this.loading ? 'true' : 'false'}
        ?disabled=${call.transferring}
        @click=${this.onPress}
      >
        ${transferIcon}<span part="transfer-button-label" class="label">${strings.transfer}</span>
      </button>
      ${this.failed ? html`<p part="transfer-problem" class="detail" role="alert">${strings.transferUnavailable}</p>` : nothing}
    </div>`;
  }

  private standIn(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.transfer-toggle');
  }

  private form(): VcTransfer | null {
    return this.host.renderRoot.querySelector<VcTransfer>(TAG);
  }

  private readonly onPress = async (): Promise<void> => {
    if (this.loading) return;
    this.loading = true;
    this.failed = false;
    this.host.requestUpdate();
    try {
      await transferFormWithin(formDeadlineMs);
    } catch {
      this.failed = true;
    }
    this.loading = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const form = this.form();
    if (!form) return;
    await form.updateComplete;
    await form.openField();
  };
}
