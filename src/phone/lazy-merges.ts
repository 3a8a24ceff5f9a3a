/**
 * The Phone's door to merges (call-merge.ts, with the audio mixing of sip-conference.ts behind
 * it): loaded on the first merge, with a deadline (lazy-door.ts), so a plain first call does not
 * download it. Nothing is merged before then, so nothing needs watching before it loads.
 * @internal
 */
import type { Call } from './call.js';
import type { CallMerges } from './call-merge.js';
import { lazyDoor, type LazyDoor } from './lazy-door.js';

export const mergeDoor = lazyDoor('the merge', () => import('./call-merge.js'));

export class LazyMerges {
  private merges: CallMerges | undefined;

  constructor(
    private readonly phone: EventTarget,
    private readonly door: LazyDoor<Pick<typeof import('./call-merge.js'), 'CallMerges'>> = mergeDoor,
  ) {}

  async merge(a: Call, b: Call): Promise<void> {
    return (await this.loaded()).merge(a, b);
  }

  async split(call: Call): Promise<void> {
    return (await this.loaded()).split(call);
  }

  private async loaded(): Promise<CallMerges> {
    const { CallMerges } = await this.door.open();
    this.merges ??= new CallMerges(this.phone);
    return this.merges;
  }
}
