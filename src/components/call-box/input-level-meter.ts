/**
 * Drives the call box's input-level meter: once per animation frame while the call is connected,
 * reads `call.inputLevel` and sets the bar's `transform` (no re-render, no layout: the meter has
 * a fixed size). Stops when the call is not connected any more, or the box leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Call } from '../../phone/call.js';

export class InputLevelMeter implements ReactiveController {
  private frame: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
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

  /** True while the meter reads levels (for tests). */
  get running(): boolean {
    return this.frame !== undefined;
  }

  private start(): void {
    if (this.frame !== undefined) return;
    const draw = () => {
      const call = this.call();
      const bar = this.host.shadowRoot?.querySelector<HTMLElement>('.level-bar');
      if (!call || call.state !== 'connected') {
        this.frame = undefined;
        return;
      }
      if (bar) {
        const level = call.inputLevel;
        bar.style.transform = `scaleX(${level === undefined ? 0 : Math.min(1, Math.max(0, level)).toFixed(3)})`;
        bar.parentElement?.toggleAttribute('data-unknown', level === undefined);
      }
      this.frame = requestAnimationFrame(draw);
    };
    this.frame = requestAnimationFrame(draw);
  }

  private stop(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }
}
