/**
 * Which calls a shared phone shows: in a follower tab, the leader tab's calls (mirrors); once
 * this tab leads (elected, or taking over from a leader tab that closed), its own, taken over
 * from storage and from what it last mirrored.
 * @internal
 */
import type { Call } from './call.js';
import type { CallRoster } from './call-roster.js';
import type { PhoneSaving, RestoreRules } from './phone-saving.js';
import type { CallSnapshot } from './types.js';

export class TabCalls {
  /** The calls shown are another tab's (mirrors). */
  private mirroring = false;

  /** `changed` says the phone's list of calls changed. */
  constructor(
    private readonly roster: CallRoster,
    private readonly saving: PhoneSaving,
    private readonly rules: () => RestoreRules,
    private readonly changed: () => void,
  ) {}

  /** This tab leads from now on: the mirrors go, the calls are taken over. */
  lead(mirrors: readonly CallSnapshot[]): void {
    if (this.mirroring) {
      this.roster.replace([]);
      this.mirroring = false;
    }
    this.saving.takeOver(mirrors, this.rules());
    this.changed();
  }

  /** A follower tab's calls: the leader's, mirrored. */
  mirror(calls: Call[]): void {
    this.mirroring = true;
    if (this.roster.replace(calls)) this.changed();
  }
}
