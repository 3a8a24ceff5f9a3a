/** DTMF digits a call may send: RFC 4733 events 0-15. */
export const DTMF_DIGITS = /^[0-9A-D*#]+$/i;

/**
 * Sends DTMF digits one after another, in order, however fast they are queued: a digit typed
 * while another is still playing waits its turn instead of replacing it (which is what
 * `RTCDTMFSender.insertDTMF` would do with its buffer).
 */
export class DtmfQueue {
  private readonly pending: string[] = [];
  private sending = false;
  private stopped = false;

  /**
   * @param sendOne sends one digit and resolves once the far end can take the next one.
   * @param onSent called for each digit once it has been handed to the wire.
   * @param onError called when a digit could not be sent (the rest of the queue is dropped).
   */
  constructor(
    private readonly sendOne: (digit: string) => Promise<void>,
    private readonly onSent: (digit: string) => void,
    private readonly onError: (digit: string, error: unknown) => void = () => {},
  ) {}

  /** Digits still waiting to be sent. */
  get size(): number {
    return this.pending.length;
  }

  enqueue(digits: string): void {
    if (this.stopped) return;
    this.pending.push(...digits.toUpperCase());
    void this.drain();
  }

  /** Drops what is still queued (the call ended). */
  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
  }

  private async drain(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending.length > 0 && !this.stopped) {
        const digit = this.pending.shift()!;
        try {
          await this.sendOne(digit);
          if (!this.stopped) this.onSent(digit);
        } catch (error) {
          this.pending.length = 0;
          this.onError(digit, error);
        }
      }
    } finally {
      this.sending = false;
    }
  }
}
