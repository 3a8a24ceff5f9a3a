import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { html, nothing } from 'lit';
import { format } from '../../i18n/strings.js';
import { statusStrings as strings } from '../../i18n/status-strings.js';
import type { Phone } from '../../phone/phone.js';
import type { ConnectionReason } from '../../phone/types.js';
import { phoneStatus, reconnectAt } from '../shared/connection.js';

/** The strings-table key of each reason the phone reports (`connectionReason`). */
const REASON_WORDS = {
  lost: 'statusLost',
  unreachable: 'statusUnreachable',
  paused: 'statusPaused',
  blocked: 'statusBlocked',
} as const satisfies Record<ConnectionReason, keyof typeof strings>;

/**
 * Why the phone is offline, in the page's language, and the tooltip: the reason's words; for a
 * reason this version does not know (a custom engine, another tab's newer code), general words,
 * with the phone's own (English) message in the tooltip only.
 */
function offlineWords(reason: string | undefined, message: string | undefined): { words: string; title: string } {
  const key = reason && Object.prototype.hasOwnProperty.call(REASON_WORDS, reason) ? REASON_WORDS[reason as ConnectionReason] : undefined;
  if (key) return { words: strings[key], title: strings[key] };
  return { words: strings.statusNotConnected, title: message ?? strings.statusNotConnected };
}

/**
 * The phone status pill: Ready / Connecting / Offline ("retry in N s" and a Retry button). Its
 * row always keeps its height, and the words of a lost connection stay put while the phone
 * retries (each attempt would otherwise clear and restore them: the old banner's flicker). The
 * words come from the phone's `connectionReason`, in the element's locale, never its English message.
 * No Retry while the page's security policy blocks the server: connecting again cannot help.
 */
export class StatusPill implements ReactiveController {
  /** The last report that said why (an attempt under way says nothing: the words stay). */
  private lastWhy: { message?: string | undefined; reason?: string | undefined } | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly phone: () => Phone | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const phone = this.phone();
    const ticking = phoneStatus(phone) === 'offline' && reconnectAt(phone) !== undefined;
    if (ticking && !this.countdown) this.countdown = setInterval(() => this.host.requestUpdate(), 1000);
    if (!ticking) this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    clearInterval(this.countdown);
    this.countdown = undefined;
  }

  render() {
    const phone = this.phone();
    const status = phoneStatus(phone);
    if (status === 'offline' && (phone?.connectionMessage || phone?.connectionReason)) this.lastWhy = { message: phone.connectionMessage, reason: phone.connectionReason };
    else if (status === 'ready') this.lastWhy = undefined;
    const due = reconnectAt(phone);
    const seconds = due === undefined ? undefined : Math.max(0, Math.ceil((due - Date.now()) / 1000));
    const words = status === 'offline' ? strings.statusOffline : status === 'connecting' ? strings.statusConnecting : strings.statusReady;
    const why = status === 'offline' ? offlineWords(this.lastWhy?.reason, this.lastWhy?.message) : undefined;
    return html`<div part="base" class="base" role="group" aria-label=${strings.phoneStatus}>
      <span part="status-pill" class="pill" data-status=${status} title=${why?.title ?? ''}><span class="dot" aria-hidden="true"></span>${words}</span>
      ${why
        ? html`<span part="connection" class="connection" title=${why.title}>${seconds !== undefined ? format(strings.statusRetryIn, { seconds: String(seconds) }) : why.words}</span>
            ${this.lastWhy?.reason === 'blocked'
              ? nothing
              : html`<button part="retry-button" class="retry" type="button" @click=${() => void phone?.connect().catch(() => undefined)}>${strings.retry}</button>`}`
        : nothing}
    </div>`;
  }
}
