/**
 * The phone's side of what survives a reload (store.ts): its calls, the agent's preferences and
 * the webhook outbox, saved once per task however many facts the task brought; and the stored
 * calls and outbox taken back (at start, or when this tab takes over from a leader tab that closed).
 * @internal
 */
import type { CallRoster } from './call-roster.js';
import type { LazyOutbox } from './lazy-outbox.js';
import { restoreCalls, withMirrors } from './restored-calls.js';
import type { PersistedState, PhonePrefs, PhoneStore } from './store.js';
import { LEADER_CLOSED, type CallCut } from './tabs/tab-protocol.js';
import type { CallSnapshot, StatusWebhookConfig } from './types.js';

/** How stored calls come back: at most `maxFinished` finished ones, the cut ones' end posted to `webhook`. */
export interface RestoreRules {
  maxFinished: number;
  webhook: StatusWebhookConfig | undefined;
}

export class PhoneSaving {
  private queued = false;

  /** `following`: this tab shows another tab's calls, whose calls and outbox are that tab's to write. */
  constructor(
    private readonly store: PhoneStore,
    public prefs: PhonePrefs,
    private readonly roster: CallRoster,
    private readonly outbox: LazyOutbox,
    private readonly following: () => boolean,
  ) {}

  /** Saves once per task (a digit must not serialise every call). */
  queue(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      if (this.queued) this.now();
    });
  }

  now(): void {
    this.queued = false;
    // A follower saves its own preferences only: the calls and the outbox are the leader's to write.
    if (this.following()) return this.store.savePrefs(this.prefs);
    this.store.save({ calls: this.roster.calls.map((call) => call.toJSON()), prefs: this.prefs, outbox: [...this.outbox.pending] });
  }

  /** Forgets what is stored, and the preferences; a save queued is called off. */
  clear(): void {
    this.prefs = { confirmClose: true };
    this.queued = false;
    this.store.clear();
  }

  load(): PersistedState {
    return this.store.load();
  }

  /**
   * Takes the stored calls and outbox: finished calls come back as they were, live ones (cut by a
   * reload, or by their tab closing: `cut`) end, and their end is posted to the webhook.
   * Calls already shown stay as they are.
   */
  restore(saved: PersistedState, rules: RestoreRules, cutBy?: CallCut): void {
    const { calls, cut } = restoreCalls(saved.calls, { maxFinished: rules.maxFinished, savedAt: saved.savedAt, cut: cutBy, skip: (id) => !!this.roster.get(id) });
    this.roster.adopt(calls);
    this.outbox.adopt(saved.outbox);
    const { webhook } = rules;
    if (webhook) {
      this.outbox.register(webhook);
      for (const call of cut) this.outbox.enqueue(webhook, 'vc-call-ended', call.toJSON());
    }
    this.queue();
  }

  /** Shows the stored finished calls (what any tab may show before it knows whether it leads). */
  showFinished(saved: PersistedState, maxFinished: number): void {
    this.roster.replace(restoreCalls(saved.calls, { maxFinished, savedAt: saved.savedAt, finishedOnly: true }).calls);
  }

  /**
   * This tab leads from now on: it takes the calls over from storage and from what it last
   * mirrored of the leader tab that closed (their live calls end, in those words).
   */
  takeOver(mirrors: readonly CallSnapshot[], rules: RestoreRules): void {
    const saved = this.load();
    this.restore({ ...saved, calls: withMirrors(saved.calls, mirrors), savedAt: Date.now() }, rules, mirrors.length ? LEADER_CLOSED : undefined);
  }
}
