/**
 * Status webhook: every life-cycle event of a call is POSTed as JSON to an HTTP endpoint.
 * Delivery is at-least-once (retried with backoff until a 2xx), ordered per call (an event waits
 * until the previous one of its call was delivered), and the outbox is persisted so that a reload
 * does not lose what was not delivered yet. Each event carries an `id` for de-duplication.
 * Credentials are held in memory only: after a reload, deliveries wait for the page to configure
 * the same webhook URL again.
 */
import type { CallSnapshot, StatusWebhookConfig } from './types.js';
import { checkWebhookUrl } from './webhook-url.js';

export { checkWebhookUrl } from './webhook-url.js';

/** The JSON body of one webhook request. */
export interface WebhookPayload {
  /** Unique per event: a receiver de-duplicates retries with it. */
  id: string;
  /** The event name, e.g. `vc-call-answered`. */
  type: string;
  callId: string;
  /** 1, 2, 3... per call, in the order the events happened. */
  sequence: number;
  /** ISO 8601 time of the event. */
  timestamp: string;
  call: CallSnapshot;
  /** Extra facts of the event (the DTMF digit, the mute state...). */
  data?: Record<string, unknown>;
}

export interface WebhookDelivery {
  id: string;
  url: string;
  payload: WebhookPayload;
  attempts: number;
  /** Epoch ms of the next attempt. */
  dueAt: number;
}

export interface OutboxOptions {
  /** Persists the outbox (called after every change). */
  persist: (outbox: WebhookDelivery[]) => void;
  fetch?: typeof fetch;
  /** First retry delay in ms; doubles each attempt. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Deliveries older than this are given up (default 24 h). */
  maxAgeMs?: number;
  /** How long one POST may take before it counts as failed and is retried (default 15 s). */
  requestTimeoutMs?: number;
  /** Called when an event is given up (receiver refused it for good, or it got too old). */
  onGiveUp?: (delivery: WebhookDelivery, why: string) => void;
}

function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

export class StatusWebhookOutbox {
  private deliveries: WebhookDelivery[];
  private readonly credentials = new Map<string, { username?: string; password?: string }>();
  private readonly inFlight = new Set<string>();
  private readonly sequences = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly maxAgeMs: number;
  private readonly requestTimeoutMs: number;
  private disposed = false;

  constructor(
    restored: WebhookDelivery[],
    private readonly options: OutboxOptions,
  ) {
    this.deliveries = [...restored];
    for (const { payload } of restored) {
      this.sequences.set(payload.callId, Math.max(this.sequences.get(payload.callId) ?? 0, payload.sequence));
    }
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.retryMaxMs = options.retryMaxMs ?? 60_000;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  }

  /** Events not delivered yet. */
  get pending(): readonly WebhookDelivery[] {
    return this.deliveries;
  }

  /** Makes a webhook known (with its credentials), and resumes its waiting deliveries. */
  register(config: StatusWebhookConfig): string {
    const url = checkWebhookUrl(config.url);
    this.credentials.set(url, { username: config.username, password: config.password });
    this.schedule(0);
    return url;
  }

  enqueue(config: StatusWebhookConfig, type: string, call: CallSnapshot, data?: Record<string, unknown>): void {
    const url = this.register(config);
    const sequence = (this.sequences.get(call.id) ?? 0) + 1;
    this.sequences.set(call.id, sequence);
    const payload: WebhookPayload = {
      id: crypto.randomUUID(),
      type,
      callId: call.id,
      sequence,
      timestamp: new Date().toISOString(),
      call,
      ...(data ? { data } : {}),
    };
    this.deliveries.push({ id: payload.id, url, payload, attempts: 0, dueAt: Date.now() });
    this.options.persist(this.deliveries);
    this.schedule(0);
  }

  /**
   * Takes over deliveries another writer left in storage (a tab that closed before it could
   * deliver them): those not held yet are queued, in their order, ids unchanged.
   */
  adopt(deliveries: readonly WebhookDelivery[]): void {
    const held = new Set(this.deliveries.map((delivery) => delivery.id));
    const fresh = deliveries.filter((delivery) => !held.has(delivery.id));
    if (!fresh.length) return;
    this.deliveries.push(...fresh);
    for (const { payload } of fresh) {
      this.sequences.set(payload.callId, Math.max(this.sequences.get(payload.callId) ?? 0, payload.sequence));
    }
    this.options.persist(this.deliveries);
    this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), Math.max(0, delayMs));
  }

  /** Sends the head of each call's queue that is due; schedules the next wake-up. */
  private pump(): void {
    const now = Date.now();
    // A timestamp that does not parse can't be judged young: it is given up rather than kept for ever.
    const expired = this.deliveries.filter((d) => !(now - Date.parse(d.payload.timestamp) <= this.maxAgeMs));
    for (const delivery of expired) this.giveUp(delivery, 'older than the retry window');
    const headsSeen = new Set<string>();
    let nextDue = Infinity;
    for (const delivery of this.deliveries) {
      const queue = `${delivery.url} ${delivery.payload.callId}`;
      if (headsSeen.has(queue)) continue; // ordered per call: only the head goes out
      headsSeen.add(queue);
      if (this.inFlight.has(delivery.id) || !this.credentials.has(delivery.url)) continue;
      // A due time that is not a number (corrupt storage) means "now": never a timer that spins.
      const dueAt = Number.isFinite(delivery.dueAt) ? delivery.dueAt : now;
      if (dueAt <= now) void this.send(delivery);
      else nextDue = Math.min(nextDue, dueAt);
    }
    if (nextDue !== Infinity) this.schedule(nextDue - now);
  }

  private async send(delivery: WebhookDelivery): Promise<void> {
    this.inFlight.add(delivery.id);
    delivery.attempts = (Number.isFinite(delivery.attempts) ? delivery.attempts : 0) + 1;
    const credentials = this.credentials.get(delivery.url) ?? {};
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (credentials.username !== undefined || credentials.password !== undefined) {
      headers.Authorization = basicAuth(credentials.username ?? '', credentials.password ?? '');
    }
    let outcome: 'delivered' | 'retry' | 'refused' = 'retry';
    let status = 0;
    try {
      const response = await this.fetchImpl(delivery.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(delivery.payload),
        credentials: 'omit',
        // A receiver that takes the request and never answers must not hold its call's queue for ever.
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
      status = response.status;
      if (response.ok) outcome = 'delivered';
      // A receiver that says "this request is wrong" won't change its mind; throttling and time-outs will.
      else if (status >= 400 && status < 500 && ![408, 425, 429].includes(status)) outcome = 'refused';
    } catch {
      outcome = 'retry';
    } finally {
      this.inFlight.delete(delivery.id);
    }
    if (this.disposed) return;
    if (outcome === 'delivered') {
      this.remove(delivery);
    } else if (outcome === 'refused') {
      this.giveUp(delivery, `refused with HTTP ${status}`);
    } else {
      const backoff = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** (delivery.attempts - 1));
      delivery.dueAt = Date.now() + backoff * (0.8 + Math.random() * 0.4);
      this.options.persist(this.deliveries);
    }
    this.schedule(0);
  }

  private remove(delivery: WebhookDelivery): void {
    this.deliveries = this.deliveries.filter((d) => d !== delivery);
    this.options.persist(this.deliveries);
  }

  private giveUp(delivery: WebhookDelivery, why: string): void {
    this.remove(delivery);
    this.options.onGiveUp?.(delivery, why);
  }
}
