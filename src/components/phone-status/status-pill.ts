import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { html, nothing } from 'lit';
import { format } from '../../i18n/strings.js';
import { statusStrings as strings } from '../../i18n/status-strings.js';
import type { Phone } from '../../phone/phone.js';
import { phoneStatus, reconnectAt } from '../shared/connection.js';

/**
 * The phone status pill: Ready / Connecting / Offline ("retry in N s" and a Retry button). Its
 * row always keeps its height, and the words of a lost connection stay put while the phone
 * retries (each attempt would otherwise clear and restore them: the old banner's flicker).
 */
export class StatusPill implements ReactiveController {
  private lastMessage: string | undefined;
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
    if (status === 'offline') this.lastMessage = phone?.connectionMessage ?? this.lastMessage;
    else if (status === 'ready') this.lastMessage = undefined;
    const due = reconnectAt(phone);
    const seconds = due === undefined ? undefined : Math.max(0, Math.ceil((due - Date.now()) / 1000));
    const words = status === 'offline' ? strings.statusOffline : status === 'connecting' ? strings.statusConnecting : strings.statusReady;
    return html`<div part="base" class="base" role="group" aria-label=${strings.phoneStatus}>
      <span part="status-pill" class="pill" data-status=${status} title=${this.lastMessage ?? ''}><span class="dot" aria-hidden="true"></span>${words}</span>
      ${status === 'offline'
        ? html`<span part="connection" class="connection" title=${this.lastMessage ?? ''}>${seconds !== undefined ? format(strings.statusRetryIn, { seconds: String(seconds) }) : this.lastMessage}</span>
            <button part="retry-button" class="retry" type="button" @click=${() => void phone?.connect().catch(() => undefined)}>${strings.retry}</button>`
        : nothing}
    </div>`;
  }
}
