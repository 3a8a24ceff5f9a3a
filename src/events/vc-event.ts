/**
 * Base of every vc-phone event: a typed `detail`, bubbling and composed so it crosses shadow
 * roots and reaches the host page, which can listen once on `document`.
 */
export abstract class VcEvent<Detail> extends Event {
  readonly detail: Detail;

  constructor(type: string, detail: Detail, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }

  /** A fresh copy for re-dispatching on another target (an event can only be dispatched once). */
  abstract clone(): VcEvent<Detail>;
}
