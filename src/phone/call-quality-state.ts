/**
 * What a call says of its quality while it goes on: the warnings raised now (most urgent first),
 * the agent talking while muted, and the call's figures once it ended.
 * @internal
 */
import type { CallQualitySummary, QualityChange } from './call-quality.js';
import { QUALITY_WARNINGS, type QualityWarning } from './quality-warnings.js';

export class CallQualityState {
  private readonly raised = new Map<QualityWarning, QualityChange>();
  /** The agent is talking while muted (the microphone's level says so). */
  talking = false;
  /** The call's figures, once an answered call has ended. */
  summary: CallQualitySummary | undefined;

  /** The warnings raised now, most urgent first. */
  get warnings(): QualityChange[] {
    return QUALITY_WARNINGS.filter((warning) => this.raised.has(warning)).map((warning) => this.raised.get(warning) as QualityChange);
  }

  /** A warning raised or cleared; false when it says nothing new. */
  take(change: QualityChange): boolean {
    if (this.raised.has(change.warning) === change.raised) return false;
    if (change.raised) this.raised.set(change.warning, change);
    else this.raised.delete(change.warning);
    return true;
  }

  /** The call ended: no warning stands, nobody talks on it. */
  end(): void {
    this.raised.clear();
    this.talking = false;
  }
}
