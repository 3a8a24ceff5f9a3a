/**
 * A call whose signalling connection dropped. The media does not need it: an answered call
 * carries on ("reconnecting") for up to the reconnect window, then ends in words. A call not
 * answered yet can't keep its INVITE transaction: it ends now. Either way the far end is told once
 * the connection is back (the engine sends the BYE or CANCEL then). A call that lived through the
 * outage offers itself again over the new connection.
 * @internal
 */

/** What an outage does to its call (`SipSession`). */
export interface OutageActions {
  /** Tells the `Call` the signalling is down (the media flows on), or back. */
  interrupted(interrupted: boolean): void;
  /** Ends the call now, in these words if given; its BYE (or CANCEL) waits for the connection. */
  cutOff(message?: string): void;
  /**
   * Refreshes the dialog over the new connection: a re-INVITE carrying the new Contact, so the
   * far end's requests reach this browser again (an ICE restart when the network changed).
   */
  reoffer(iceRestart: boolean): Promise<void>;
  /** The far end no longer knows the call: it ended while the connection was down. */
  endedWhileAway(message: string): void;
}

export class ConnectionOutage {
  /** Running while an answered call waits for its connection (it ends when this fires). */
  private window: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly actions: OutageActions) {}

  /** The call is waiting for its connection: nothing it sends now can reach the far end. */
  get active(): boolean {
    return this.window !== undefined;
  }

  /** The connection dropped under a call that is not over. */
  lost(answered: boolean, windowMs: number): void {
    if (this.window) return;
    if (!answered || windowMs <= 0) return this.actions.cutOff();
    this.window = setTimeout(() => {
      this.window = undefined;
      this.actions.cutOff(`The connection to the SIP server was lost for more than ${Math.round(windowMs / 1000)} s, so the call was ended.`);
    }, windowMs);
    this.actions.interrupted(true);
  }

  /** The connection is back: a call still waiting for it carries on over it. */
  restored(networkChanged: boolean): void {
    if (!this.window) return;
    this.stop();
    this.actions.interrupted(false);
    this.actions.reoffer(networkChanged).catch((error: Error) => {
      // 481: the far end no longer knows the call (it ended while we were away).
      if (/\(481\)/.test(error.message)) this.actions.endedWhileAway('The call ended while the connection was down.');
    });
  }

  /** The call is over: no window any more (and nothing said). */
  stop(): void {
    clearTimeout(this.window);
    this.window = undefined;
  }
}
