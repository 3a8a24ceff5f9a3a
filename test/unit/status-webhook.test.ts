import { expect } from '@open-wc/testing';
import { StatusWebhookOutbox, checkWebhookUrl, type WebhookDelivery } from '../../src/phone/status-webhook.js';
import type { CallSnapshot } from '../../src/phone/types.js';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const snapshot = (id: string): CallSnapshot => ({
  id,
  target: { kind: 'number', display: '+44 20 7946 0958', uri: 'sip:+442079460958@x' },
  state: 'dialing',
  muted: false,
  startedAt: Date.now(),
  durationMs: 0,
});

describe('status webhook outbox', () => {
  it('delivers every event at least once, in order per call, retrying failures, with basic auth', async () => {
    const received: Array<{ type: string; callId: string; sequence: number; auth: string | null }> = [];
    let calls = 0;
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      calls += 1;
      if (calls <= 3) return new Response('down', { status: 503 });
      const body = JSON.parse(init.body as string);
      received.push({ type: body.type, callId: body.callId, sequence: body.sequence, auth: new Headers(init.headers).get('Authorization') });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    let persisted: WebhookDelivery[] = [];
    const outbox = new StatusWebhookOutbox([], { persist: (o) => (persisted = [...o]), fetch: fakeFetch, retryBaseMs: 5, retryMaxMs: 20 });
    const hook = { url: 'https://crm.example.com/hook', username: 'crm', password: 'pässword' };
    outbox.enqueue(hook, 'vc-call-dialing', snapshot('a'));
    outbox.enqueue(hook, 'vc-call-ringing', snapshot('a'));
    outbox.enqueue(hook, 'vc-call-answered', snapshot('a'));
    expect(persisted).to.have.length(3);
    for (let i = 0; i < 50 && received.length < 3; i++) await tick(10);
    outbox.dispose();
    expect(received.map((r) => `${r.sequence}:${r.type}`)).to.deep.equal(['1:vc-call-dialing', '2:vc-call-ringing', '3:vc-call-answered']);
    expect(received[0].auth).to.equal(`Basic ${btoa(String.fromCharCode(...new TextEncoder().encode('crm:pässword')))}`);
    expect(persisted).to.have.length(0);
  });

  it('a receiver that never answers a POST holds nothing up: past its deadline the event is sent again', async () => {
    const received: string[] = [];
    let calls = 0;
    // The first POST hangs as a silent receiver would: it settles only when its signal aborts, as fetch does.
    const fakeFetch = ((_url: string, init: RequestInit) => {
      calls += 1;
      if (calls === 1) return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('The deadline passed.', 'TimeoutError'))));
      received.push(JSON.parse(init.body as string).type);
      return Promise.resolve(new Response(null, { status: 204 }));
    }) as typeof fetch;
    const outbox = new StatusWebhookOutbox([], { persist: () => {}, fetch: fakeFetch, retryBaseMs: 5, requestTimeoutMs: 50 });
    const hook = { url: 'https://crm.example.com/hook' };
    outbox.enqueue(hook, 'vc-call-dialing', snapshot('a'));
    outbox.enqueue(hook, 'vc-call-answered', snapshot('a'));
    for (let i = 0; i < 300 && received.length < 2; i++) await tick(10);
    outbox.dispose();
    expect(received).to.deep.equal(['vc-call-dialing', 'vc-call-answered']);
    expect(calls).to.equal(3);
  });

  it('resumes a persisted outbox only once the webhook (and its credentials) is configured again', async () => {
    const bodies: string[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(init.body as string).id);
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    const restored: WebhookDelivery[] = [
      { id: 'e1', url: 'https://crm.example.com/hook', attempts: 2, dueAt: 0, payload: { id: 'e1', type: 'vc-call-ended', callId: 'a', sequence: 4, timestamp: new Date().toISOString(), call: snapshot('a') } },
    ];
    const outbox = new StatusWebhookOutbox(restored, { persist: () => {}, fetch: fakeFetch });
    await tick(20);
    expect(bodies).to.deep.equal([]);
    outbox.register({ url: 'https://crm.example.com/hook', username: 'u', password: 'p' });
    await tick(20);
    expect(bodies).to.deep.equal(['e1']);
    outbox.enqueue({ url: 'https://crm.example.com/hook' }, 'vc-call-removed', snapshot('a'));
    await tick(20);
    outbox.dispose();
    expect(bodies).to.have.length(2);
  });

  it('gives up on an event the receiver refuses for good (4xx), keeps retrying on 429', async () => {
    const statuses = [400, 429, 200];
    const given: string[] = [];
    const fakeFetch = (async () => new Response(null, { status: statuses.shift() ?? 200 })) as unknown as typeof fetch;
    const outbox = new StatusWebhookOutbox([], { persist: () => {}, fetch: fakeFetch, retryBaseMs: 5, onGiveUp: (d, why) => given.push(`${d.payload.type} ${why}`) });
    outbox.enqueue({ url: 'https://h.example.com/' }, 'vc-call-dialing', snapshot('b'));
    outbox.enqueue({ url: 'https://h.example.com/' }, 'vc-call-ringing', snapshot('b'));
    for (let i = 0; i < 30 && outbox.pending.length; i++) await tick(10);
    outbox.dispose();
    expect(given).to.deep.equal(['vc-call-dialing refused with HTTP 400']);
    expect(outbox.pending).to.have.length(0);
  });

  it('refuses URLs that are not http(s) or carry credentials', () => {
    expect(() => checkWebhookUrl('ftp://x.example.com')).to.throw(/https/);
    expect(() => checkWebhookUrl('https://u:p@x.example.com')).to.throw(/username\/password/);
    expect(() => checkWebhookUrl('not a url')).to.throw(/not a valid URL/);
  });
});
