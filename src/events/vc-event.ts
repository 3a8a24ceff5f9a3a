/**
 * Base of every vc-phone event: a typed `detail`, bubbling and composed so it crosses shadow
 * roots and reaches the host page, which can listen once on `document`.
 *
 * A subclass declares only its name (and `cancelable` if a listener may stop what it announces);
 * the constructor and `clone()` here read them from the class being built, so the name is written
 * once and the options (bubbles, composed) are the same for every event:
 *
 * ```ts
 * export class VcExampleEvent extends VcEvent<{ callId: string }> {
 *   static override readonly eventName = 'vc-example';
 * }
 * new VcExampleEvent({ callId: 'c1' }); // type 'vc-example', bubbles, composed
 * ```
 */
export abstract class VcEvent<Detail> extends Event {
  /** The event's `type`, e.g. `vc-call-ended`: listen with `addEventListener(VcCallEndedEvent.eventName, ...)`. */
  static readonly eventName: string;
  /** True when a listener may stop what the event announces with `preventDefault()`. */
  static readonly cancelable: boolean = false;

  readonly detail: Detail;

  constructor(detail: Detail) {
    // `new.target` is the concrete class (VcCallEndedEvent...), whose statics name the event.
    const { eventName, cancelable } = new.target;
    // TypeScript has no abstract statics: a subclass without a name would fire "undefined".
    if (!eventName) throw new TypeError(`${new.target.name} declares no static eventName`);
    super(eventName, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }

  /**
   * A fresh, undispatched copy (same class, type, detail and cancelability) for re-dispatching on
   * another target: an event that has been dispatched cannot be dispatched again.
   */
  clone(): this {
    const SameClass = this.constructor as new (detail: Detail) => this;
    return new SameClass(this.detail);
  }
}
