/**
 * One request deadline at a time (the INVITE's first answer, a hang-up's confirmation): nothing
 * waits on the far end or the proxy for ever.
 * @internal
 */

/** RFC 3261's 64*T1: the longest the INVITE waits for a first answer, and a hang-up for its confirmation. */
export const REQUEST_DEADLINE_MS = 32_000;

export class RequestDeadline {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly ms = REQUEST_DEADLINE_MS) {}

  /** Replaces any running deadline: `expired` runs after `ms` unless stopped first. */
  start(expired: () => void): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      expired();
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
