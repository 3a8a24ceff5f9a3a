/**
 * A call that another tab (the leader) holds, as this tab shows it: its state is the leader's
 * (taken from each `state` message), and its buttons ask the leader to act. Nothing here
 * changes the call by itself: the change comes back from the leader like any other, so every
 * tab shows the same thing and the call path stays one-way (leader -> tabs).
 * @internal
 */
import { Call, checkColorName } from '../call.js';
import type { CallQualitySummary, QualityChange } from '../call-quality.js';
import type { MediaStats } from '../types.js';
import type { CallView, CommandOp } from './tab-protocol.js';

/** How a mirror reaches the leader. */
export interface LeaderLink {
  command(op: CommandOp, id?: string, args?: unknown[]): Promise<unknown>;
}

function warn(what: string) {
  return (error: Error) => console.warn(`vc-phone: ${what} did not reach the tab holding the call: ${error.message}`);
}

export class MirrorCall extends Call {
  private view: CallView;

  constructor(
    view: CallView,
    private readonly leader: LeaderLink,
  ) {
    super({ snapshot: view.call, restored: view.call.restored === true });
    this.view = view;
    this.takeView(view.call);
  }

  /** Takes the leader's newer view; true if anything the page can see changed. */
  update(view: CallView): boolean {
    const changed = JSON.stringify(view) !== JSON.stringify(this.view);
    this.view = view;
    if (changed) this.takeView(view.call);
    return changed;
  }

  override get hangingUp(): boolean {
    return this.view.hangingUp && !this.isFinal;
  }

  override get changingHold(): boolean {
    return this.view.changingHold;
  }

  override get qualityWarnings(): QualityChange[] {
    return this.isFinal ? [] : this.view.quality;
  }

  override get talkingWhileMuted(): boolean {
    return this.view.talkingWhileMuted && this.muted && !this.isFinal;
  }

  override get qualitySummary(): CallQualitySummary | undefined {
    return this.view.qualitySummary;
  }

  /** The microphone is in the leader's tab: its level meter shows there (a per-frame reading does not cross tabs). */
  override get inputLevel(): number | undefined {
    return undefined;
  }

  override hangup(): void {
    if (this.isFinal || this.hangingUp) return;
    this.leader.command('hangup', this.id).catch(warn('Hang up'));
  }

  override setMuted(muted: boolean): void {
    if (this.isFinal || muted === this.muted) return;
    this.leader.command('mute', this.id, [muted]).catch(warn('Mute'));
  }

  override sendDtmf(digits: string): void {
    super.sendDtmf(digits); // the same checks, in the same words; a mirror has no session to send on
    this.leader.command('dtmf', this.id, [digits]).catch(warn('A tone'));
  }

  override setColor(color: string | undefined): void {
    if (color !== undefined) checkColorName(color);
    if (color === this.color) return;
    this.leader.command('color', this.id, [color]).catch(warn('The colour'));
  }

  override async hold(): Promise<void> {
    await this.leader.command('hold', this.id);
  }

  override async resume(): Promise<void> {
    await this.leader.command('resume', this.id);
  }

  override async getMediaStats(): Promise<MediaStats | undefined> {
    return (await this.leader.command('stats', this.id)) as MediaStats | undefined;
  }

  /** The leader's tab decides what its own page-hide does to the call; this tab closing changes nothing. */
  override cutByPageUnload(): void {}
}
