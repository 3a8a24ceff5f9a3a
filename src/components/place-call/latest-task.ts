/**
 * The place-call field's async work as a reactive controller: the part of `@lit/task`'s `Task`
 * it uses, so the first paint does not download that library (`<vc-transfer>`, loaded later,
 * still uses it). Same behaviour: with `args`, each update whose args differ (Lit's `notEqual`,
 * item by item) runs the task again and aborts the run under way (the latest wins: an older
 * run's result is dropped); `run()` runs it now; `status`, `value`, `error` are the latest run's,
 * and `taskComplete` settles with it. Each change of status asks the host to update.
 * @internal
 */
import { notEqual, type ReactiveController, type ReactiveControllerHost } from 'lit';

export const Status = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
type StatusValue = (typeof Status)[keyof typeof Status];

interface Options<A extends readonly unknown[], R> {
  task: (args: A, options: { signal: AbortSignal }) => R | Promise<R>;
  /** What the task depends on; without it, the task runs only through `run()`. */
  args?: () => A;
}

export class LatestTask<A extends readonly unknown[], R> implements ReactiveController {
  status: StatusValue = Status.INITIAL;
  value: R | undefined;
  error: unknown;
  private previousArgs: A | undefined;
  private runs = 0;
  private abort: AbortController | undefined;
  private complete: Promise<R> | undefined;
  private settle: { resolve(value: R): void; reject(error: unknown): void } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: Options<A, R>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.options.args?.();
    const previous = this.previousArgs;
    if (!args || args === previous) return;
    this.previousArgs = args;
    if (!previous || previous.length !== args.length || args.some((value, i) => notEqual(value, previous[i]))) void this.run(args);
  }

  /** Settles with the latest run (at once when none is under way). */
  get taskComplete(): Promise<R> {
    this.complete ??=
      this.status === Status.PENDING
        ? new Promise<R>((resolve, reject) => (this.settle = { resolve, reject }))
        : this.status === Status.ERROR
          ? // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what the task threw, as @lit/task does
            Promise.reject(this.error)
          : Promise.resolve(this.value as R);
    return this.complete;
  }

  async run(args: A): Promise<void> {
    this.previousArgs = args;
    if (this.status === Status.PENDING) this.abort?.abort();
    else this.complete = this.settle = undefined;
    this.status = Status.PENDING;
    this.host.requestUpdate();
    const run = ++this.runs;
    this.abort = new AbortController();
    let failed = false;
    let result: R | undefined;
    let error: unknown;
    try {
      result = await this.options.task(args, { signal: this.abort.signal });
    } catch (thrown) {
      failed = true;
      error = thrown;
    }
    if (run !== this.runs) return;
    this.status = failed ? Status.ERROR : Status.COMPLETE;
    this.value = result;
    this.error = error;
    if (failed) this.settle?.reject(error);
    else this.settle?.resolve(result as R);
    this.host.requestUpdate();
  }
}
