/**
 * The Phone's door to the status-webhook outbox: loads its module only when a webhook is
 * configured (or deliveries wait from before a reload), keeps the facts in order while it loads,
 * and survives a load that fails (a CSP, a 404, offline): the facts wait and the load is tried
 * again, nothing is thrown at the page. Disposed while loading, it never starts an outbox.
 * @internal
 */
import { inputError, type PhoneInputError } from './errors.js';
import type { StatusWebhookOutbox, WebhookDelivery } from './status-webhook.js';
import type { CallSnapshot, StatusWebhookConfig } from './types.js';

export type OutboxModule = Pick<typeof import('./status-webhook.js'), 'StatusWebhookOutbox' | 'checkWebhookUrl'>;
type Action = (outbox: StatusWebhookOutbox) => void;

export interface LazyOutboxHooks {
  /** Saves the Phone's state (the outbox is part of it). */
  persist(): void;
  /** A webhook configuration was refused. */
  refuse(error: PhoneInputError): void;
  /** Where a warning goes (the phone's log; default the console). */
  warn?(message: string): void;
}

const RETRY_MAX_MS = 60_000;

export interface LazyOutboxOptions {
  /** Loads the outbox module (default: the dynamic import). */
  load?: () => Promise<OutboxModule>;
  /** After a failed load, the next try waits this long, doubling up to a minute (default 2 s). */
  retryBaseMs?: number;
}

export class LazyOutbox {
  private outbox: StatusWebhookOutbox | undefined;
  private loading: Promise<void> | undefined;
  private readonly waiting: Action[] = [];
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  private warn(message: string): void {
    if (this.hooks.warn) this.hooks.warn(message);
    else console.warn(`vc-phone: ${message}`);
  }

  constructor(
    private restored: WebhookDelivery[],
    private readonly hooks: LazyOutboxHooks,
    private readonly options: LazyOutboxOptions = {},
  ) {}

  private load(): Promise<OutboxModule> {
    return this.options.load ? this.options.load() : import('./status-webhook.js');
  }

  /** Deliveries not made yet (persisted with the Phone's state). */
  get pending(): readonly WebhookDelivery[] {
    return this.outbox ? this.outbox.pending : this.restored;
  }

  /** Starts delivering what waits from before a reload, if anything does. */
  resume(): void {
    if (this.restored.length) this.run(() => undefined);
  }

  /** Takes over deliveries found in storage (from before a reload, or left by a closed tab) and delivers them. */
  adopt(deliveries: readonly WebhookDelivery[]): void {
    if (this.outbox) return this.outbox.adopt(deliveries);
    const held = new Set(this.restored.map((delivery) => delivery.id));
    const fresh = deliveries.filter((delivery) => !held.has(delivery.id));
    if (!fresh.length) return;
    this.restored = [...this.restored, ...fresh];
    this.run(() => undefined);
  }

  /** Makes a webhook's credentials known to the outbox (refused config goes to `hooks.refuse`). */
  register(webhook: StatusWebhookConfig): void {
    this.run((outbox) => {
      try {
        outbox.register(webhook);
      } catch (error) {
        this.hooks.refuse(inputError('invalid-config', 'statusWebhook', (error as Error).message));
      }
    });
  }

  /** Queues one event for delivery, after every event queued before it. */
  enqueue(webhook: StatusWebhookConfig, type: string, call: CallSnapshot, data?: Record<string, unknown>): void {
    this.run((outbox) => outbox.enqueue(webhook, type, call, data));
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.waiting.length = 0;
    this.outbox?.dispose();
  }

  private run(action: Action): void {
    if (this.disposed) return;
    if (this.outbox) return action(this.outbox);
    this.waiting.push(action);
    this.startLoading();
  }

  private startLoading(): void {
    if (this.loading || this.retryTimer !== undefined || this.disposed) return;
    this.loading = this.load().then(
      ({ StatusWebhookOutbox }) => {
        this.loading = undefined;
        if (this.disposed) return;
        this.outbox = new StatusWebhookOutbox(this.restored, {
          persist: () => this.hooks.persist(),
          onGiveUp: (delivery, why) => this.warn(`status webhook event ${delivery.payload.type} given up (${why}).`),
        });
        this.restored = [];
        for (const action of this.waiting.splice(0)) action(this.outbox);
      },
      (error: unknown) => {
        this.loading = undefined;
        const delay = Math.min(RETRY_MAX_MS, (this.options.retryBaseMs ?? 2_000) * 2 ** this.failures++);
        this.warn(`the status webhook code could not be loaded (${(error as Error)?.message ?? error}); trying again in ${delay / 1000} s.`);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.startLoading();
        }, delay);
      },
    );
  }
}
