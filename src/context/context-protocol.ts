/**
 * The community context protocol (the events `@lit/context` speaks), reduced to what vc-phone
 * uses: one provider (`<vc-phone>`) and subscribing consumers (`PhoneConsumer`). Same event names
 * and fields as `@lit/context`, so a `@lit/context` consumer or provider on the page, or another
 * copy of vc-phone, still finds the phone and is found; about a third of its size in the first
 * paint's chunk.
 * @internal
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a provider calls with its value (and, for a subscriber, how to stop being called). */
export type ContextCallback<T> = (value: T, unsubscribe?: () => void) => void;

/** `context-request`: a consumer asks the elements above it for the value of `context`. */
export class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
    readonly callback: ContextCallback<T>,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** `context-provider`: a provider appeared; providers above it hand it the consumers it is nearer to. */
class ContextProviderEvent extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

type ContextEvent = Event & { context: unknown; contextTarget?: Element };

/** Provides `value` to the consumers inside its host; subscribers are called again when it changes. */
export class ContextProvider<T> implements ReactiveController {
  private value: T | undefined;
  /** Subscribers: each callback once, with the element that asked and its own way out (the same function every time). */
  private readonly subscribers = new Map<ContextCallback<T>, [target: Element, unsubscribe: () => void]>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly context: unknown,
  ) {
    host.addEventListener('context-request', this.onRequest);
    host.addEventListener('context-provider', this.onProvider);
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextProviderEvent(this.context, this.host));
  }

  setValue(value: T | undefined): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const [callback, [, unsubscribe]] of this.subscribers) callback(value as T, unsubscribe);
  }

  /** The request came from the host itself, or is not for this context. */
  private foreign(event: ContextEvent): boolean {
    return event.context !== this.context || (event.contextTarget ?? event.composedPath()[0]) === this.host;
  }

  private readonly onRequest = (event: Event): void => {
    const request = event as ContextRequestEvent<T>;
    if (this.foreign(request)) return;
    event.stopPropagation();
    const { callback } = request;
    if (!request.subscribe) return callback(this.value as T);
    if (!this.subscribers.has(callback)) this.subscribers.set(callback, [request.contextTarget ?? (event.composedPath()[0] as Element), () => this.subscribers.delete(callback)]);
    callback(this.value as T, this.subscribers.get(callback)?.[1]);
  };

  /** A provider appeared inside the host: the subscribers ask again, and the nearer provider takes those below it. */
  private readonly onProvider = (event: Event): void => {
    if (this.foreign(event as ContextEvent)) return;
    for (const [callback, [target]] of this.subscribers) target.dispatchEvent(new ContextRequestEvent(this.context, target, callback, true));
    event.stopPropagation();
  };
}
