// LatestTask (src/components/place-call/latest-task.ts), the place-call field's stand-in for
// @lit/task's Task: the latest run wins (an older one is aborted and its result dropped), args
// equal item by item do not run it again, taskComplete settles with the latest run, and each
// change of status asks the host to update.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LatestTask, Status } from '../../src/components/place-call/latest-task.js';

class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
  /** What Lit does before each render. */
  update() {
    for (const controller of this.controllers) controller.hostUpdate?.();
  }
}

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('LatestTask (the place-call field)', () => {
  it('runs on new args, aborts the run under way, keeps only the latest result', async () => {
    const host = new Host();
    let value = 'a';
    const runs: { arg: string; signal: AbortSignal; done: ReturnType<typeof deferred<string>> }[] = [];
    const task = new LatestTask(host, {
      args: () => [value] as const,
      task: ([arg], { signal }) => {
        const done = deferred<string>();
        runs.push({ arg, signal, done });
        return done.promise;
      },
    });
    host.update();
    expect(task.status).to.equal(Status.PENDING);
    host.update(); // same args: no second run
    expect(runs.length).to.equal(1);
    const first = task.taskComplete;
    value = 'b';
    host.update();
    expect(runs.length).to.equal(2);
    expect(runs[0].signal.aborted).to.equal(true, 'the older run is aborted');
    runs[0].done.resolve('old');
    await Promise.resolve();
    expect(task.status).to.equal(Status.PENDING, "the older run's result is dropped");
    runs[1].done.resolve('new');
    expect(await first).to.equal('new', 'taskComplete settles with the latest run');
    expect(task.status).to.equal(Status.COMPLETE);
    expect(task.value).to.equal('new');
    expect(host.updates).to.be.greaterThan(2);
  });

  it('run() without args; a throw is its error and rejects taskComplete', async () => {
    const host = new Host();
    const failure = new Error('refused');
    const task = new LatestTask(host, {
      task: ([n]: readonly [number]) => {
        if (n < 0) throw failure;
        return n * 2;
      },
    });
    host.update();
    expect(task.status).to.equal(Status.INITIAL, 'no args: it waits for run()');
    await task.run([2]);
    expect([task.status, task.value]).to.deep.equal([Status.COMPLETE, 4]);
    await task.run([-1]);
    expect(task.status).to.equal(Status.ERROR);
    expect(task.error).to.equal(failure);
    let caught: unknown;
    await task.taskComplete.catch((error: unknown) => (caught = error));
    expect(caught).to.equal(failure);
  });
});
