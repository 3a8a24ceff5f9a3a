import { expect } from '@open-wc/testing';
import * as events from '../../src/events/index.js';
import { VcDtmfEvent, VcEvent, type VcElementEventMap } from '../../src/events/index.js';

type EventClass = (new (detail: unknown) => VcEvent<unknown>) & { readonly eventName: string; readonly cancelable: boolean };

/** Every event class the events entry exports (found, not listed, so a new one is covered too). */
const eventClasses = (Object.values(events) as unknown[]).filter(
  (value): value is EventClass => typeof value === 'function' && value.prototype instanceof VcEvent,
);

// The event names, checked both ways against the DOM event map at compile time: an event class
// without a map entry (or an entry without a class) fails `npm run typecheck` here.
const EVENT_NAMES = [
  'vc-call-dialing',
  'vc-call-ringing',
  'vc-call-answered',
  'vc-call-dtmf',
  'vc-call-mute',
  'vc-call-held',
  'vc-call-resumed',
  'vc-call-transfer',
  'vc-call-merged',
  'vc-call-split',
  'vc-call-color',
  'vc-call-quality',
  'vc-call-ended',
  'vc-call-failed',
  'vc-call-removed',
  'vc-connection-change',
  'vc-input-error',
  'vc-call-wrapped-up',
  'vc-audio-devices-change',
  'vc-audio-device-lost',
  'vc-audio-check',
  'vc-call-request',
  'vc-dtmf',
  'vc-mute-change',
  'vc-color-change',
  'vc-box-close',
  'vc-box-remove',
] as const satisfies readonly (keyof VcElementEventMap)[];
const everyMapEntryListed: Exclude<keyof VcElementEventMap, (typeof EVENT_NAMES)[number]> extends never ? true : false = true;

/** A shadow root in the page, as an element's: events dispatched inside must reach `document`. */
function shadowTarget(): { inner: HTMLElement; remove: () => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const inner = document.createElement('span');
  host.attachShadow({ mode: 'open' }).append(inner);
  return { inner, remove: () => host.remove() };
}

describe('vc-phone events', () => {
  it('has one class per event name in the DOM event map', () => {
    expect(everyMapEntryListed).to.equal(true);
    expect(eventClasses.map((EventClass) => EventClass.eventName).sort()).to.deep.equal([...EVENT_NAMES].sort());
  });

  for (const EventClass of eventClasses) {
    describe(EventClass.name, () => {
      const cancelable = EventClass.eventName === 'vc-call-request';

      it(`is a "${EventClass.eventName}" event that bubbles out of shadow roots${cancelable ? ' and can be cancelled' : ''}`, () => {
        const detail = { probe: EventClass.name };
        const event = new EventClass(detail);
        expect(event).to.be.instanceOf(EventClass);
        expect(event.type).to.equal(EventClass.eventName);
        expect(event.detail).to.equal(detail);
        expect(event.bubbles).to.equal(true);
        expect(event.composed).to.equal(true);
        expect(event.cancelable).to.equal(cancelable);
      });

      it('clones to a fresh event of the same class, type, detail and cancelability that can be re-dispatched', () => {
        const detail = { probe: EventClass.name };
        const original = new EventClass(detail);
        const { inner, remove } = shadowTarget();
        const source = new EventTarget();
        const heard: Event[] = [];
        const hear = (event: Event) => heard.push(event);
        document.addEventListener(EventClass.eventName, hear);
        try {
          // Forward while the original is still being dispatched, as <vc-phone> forwards the
          // Phone's events: dispatching the original itself a second time would throw.
          let clone: VcEvent<unknown> | undefined;
          source.addEventListener(EventClass.eventName, (event) => {
            event.preventDefault();
            clone = (event as VcEvent<unknown>).clone();
            inner.dispatchEvent(clone);
          });
          source.dispatchEvent(original);

          expect(clone).to.be.instanceOf(EventClass);
          expect(clone).not.to.equal(original);
          expect(clone!.constructor).to.equal(EventClass);
          expect(clone!.type).to.equal(EventClass.eventName);
          expect(clone!.detail).to.equal(detail);
          expect(clone!.bubbles).to.equal(true);
          expect(clone!.composed).to.equal(true);
          expect(clone!.cancelable).to.equal(cancelable);
          expect(original.defaultPrevented).to.equal(cancelable);
          expect(clone!.defaultPrevented).to.equal(false);
          expect(heard.length).to.equal(1);
          expect(heard[0]).to.equal(clone);
        } finally {
          document.removeEventListener(EventClass.eventName, hear);
          remove();
        }
      });
    });
  }

  it('types the detail and the clone per class', () => {
    const event = new VcDtmfEvent({ callId: 'c1', digit: '5' });
    const copy: VcDtmfEvent = event.clone(); // compile time: clone() returns the subclass
    expect(copy.detail.digit).to.equal('5');
    // @ts-expect-error compile time (npm run typecheck): a DTMF event's detail needs its digit
    void (() => new VcDtmfEvent({ callId: 'c1' }));
  });

  it('refuses a subclass that names no event (it would fire as "undefined")', () => {
    class VcNamelessEvent extends VcEvent<{ callId: string }> {}
    expect(() => new VcNamelessEvent({ callId: 'c1' })).to.throw(TypeError, /VcNamelessEvent declares no static eventName/);
  });
});
