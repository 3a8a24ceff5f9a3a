/**
 * The Phone's one engine at a time: made for the current account when a call needs it, marked
 * stale when the account changes and replaced once no call needs the old one. Only the engine in
 * the slot may report the connection (a dropped engine's late "disconnected" is ignored).
 * @internal
 */
import type { EngineConfig, EngineFactory, EngineHost, EngineMedia } from './engine.js';
import { LazyEngine } from './lazy-engine.js';

export class EngineSlot {
  private engine: LazyEngine | undefined;
  /** The account changed since the engine was made: replace it once no call needs it. */
  private stale = false;

  constructor(
    private readonly factory: EngineFactory,
    private readonly report: EngineHost['connectionChanged'],
    private readonly media?: EngineMedia,
  ) {}

  /** The engine for the account (made on first need with `config()`). */
  async current(config: () => Promise<EngineConfig>): Promise<LazyEngine> {
    if (!this.engine) {
      const engineConfig = await config();
      if (this.engine) return this.engine;
      const engine: LazyEngine = new LazyEngine(this.factory, {
        config: engineConfig,
        ...(this.media ? { media: this.media } : {}),
        connectionChanged: (state, message, retryAt, reason) => {
          if (this.engine === engine) this.report(state, message, retryAt, reason);
        },
      });
      this.engine = engine;
    }
    return this.engine;
  }

  /** The audio choice changed: the engine (if loaded) switches its live calls. */
  async audioChanged(what: 'microphone' | 'speaker'): Promise<void> {
    await this.engine?.audioChanged(what);
  }

  /** The account changed: the next call placed while none is live gets a new engine. */
  accountChanged(): void {
    if (this.engine) this.stale = true;
  }

  /** Drops a stale engine when no call needs it any more. */
  dropIfStale(callsLive: boolean): void {
    if (!this.stale || callsLive) return;
    this.stale = false;
    void this.dispose();
  }

  async dispose(): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    this.engine = undefined;
    await engine.dispose();
    // The dropped engine no longer reports: say it is gone, unless a new one took over.
    if (!this.engine) this.report('disconnected');
  }
}
