/**
 * Call state made visible to CSS as custom states (`vc-call-box:state(ringing)`), through the
 * element's `ElementInternals.states`. Browsers without a `CustomStateSet` get nothing here (the
 * element keeps a reflected attribute for them); Chromium before 125 takes only dashed names
 * (`:--ringing`), which the `:state()` feature check tells apart.
 */
const DASHED_NAMES = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && !CSS.supports('selector(:state(a))');

export class CustomStates {
  private readonly states: CustomStateSet | undefined;

  /** `internals` from the element's own `attachInternals()`, or undefined where there is none. */
  constructor(internals: ElementInternals | undefined) {
    this.states = internals?.states;
  }

  /** Turns on exactly the states in `on`, out of the element's `names`. */
  set(names: readonly string[], on: ReadonlySet<string>): void {
    const states = this.states;
    if (!states) return;
    for (const name of names) {
      const state = DASHED_NAMES ? `--${name}` : name;
      if (on.has(name)) states.add(state);
      else states.delete(state);
    }
  }
}
