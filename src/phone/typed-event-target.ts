/** An EventTarget whose listeners are typed by an event map (`phone.addEventListener('vc-call-ended', (e) => e.detail...)`). */
type AnyListener = ((event: never) => void) | EventListenerObject | null;

export class TypedEventTarget<EventMap extends { [K in keyof EventMap]: Event }> extends EventTarget {
  override addEventListener<K extends keyof EventMap & string>(type: K, listener: (event: EventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: AnyListener, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends keyof EventMap & string>(type: K, listener: (event: EventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: AnyListener, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }
}
