/**
 * Re-renders its host on each whole second of a connected call's talk time (so the timer reads
 * right without a render every frame), and stops with the call or when the host leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Call } from '../../phone/call.js';

export class TalkTimeTicker implements ReactiveController {
  private tick: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly call: () => Call | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.call()?.state === 'connected') this.start();
    else this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private start(): void {
    if (this.tick !== undefined) return;
    const next = () => {
      const call = this.call();
      if (!call || call.state !== 'connected') {
        this.tick = undefined;
        return;
      }
      // Wake up on the next whole second of talk time.
      this.tick = setTimeout(() => {
        this.host.requestUpdate();
        next();
      }, 1000 - (call.durationMs % 1000) + 5);
    };
    next();
  }

  private stop(): void {
    clearTimeout(this.tick);
    this.tick = undefined;
  }
}
