/**
 * A door to code a first call does not need (a transfer's REFER, a merge's audio mixing, the
 * transfer form...): the module is loaded on first use, with a deadline, so a load that fails (a
 * CSP, a 404, offline) or never ends rejects with words instead of wedging the action, and the
 * next use tries again. `prefetch` loads it ahead (errors are kept quiet: the real use reports them).
 * @internal
 */

/** How long a first use waits for its code by default. */
export const LAZY_LOAD_DEADLINE_MS = 15_000;

export interface LazyDoor<T> {
  /** The module, loaded once (a failed or late load is forgotten, so the next call tries again). */
  open(deadlineMs?: number): Promise<T>;
  /** Loads it ahead, quietly. */
  prefetch(): void;
  /** The module, if it has loaded already. */
  readonly loaded: T | undefined;
}

/** `what` names the feature in the words of a failure ("the transfer"). */
export function lazyDoor<T>(what: string, load: () => Promise<T>): LazyDoor<T> {
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  const start = (): Promise<T> => {
    if (!loading) {
      const attempt = load().then((module) => (loaded = module));
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
    }
    return loading;
  };
  return {
    get loaded() {
      return loaded;
    },
    prefetch() {
      start().catch(() => undefined);
    },
    open(deadlineMs = LAZY_LOAD_DEADLINE_MS) {
      if (loaded) return Promise.resolve(loaded);
      const attempt = start();
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (loading === attempt) loading = undefined;
          reject(new Error(`The code for ${what} did not load within ${Math.round(deadlineMs / 100) / 10} s. Check the connection and try again.`));
        }, deadlineMs);
        attempt.then(
          (module) => {
            clearTimeout(timer);
            resolve(module);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(new Error(`The code for ${what} could not be loaded (${(error as Error)?.message ?? String(error)}). Check the connection and try again.`));
          },
        );
      });
    },
  };
}
