import { expect } from '@open-wc/testing';
import { DtmfQueue } from '../../src/phone/dtmf-queue.js';
import { until } from '../support/until.js';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DTMF queue', () => {
  it('sends digits typed faster than they play, all of them, in order, one at a time', async () => {
    const wire: string[] = [];
    const sent: string[] = [];
    let playing = 0;
    let maxPlaying = 0;
    const queue = new DtmfQueue(
      async (digit) => {
        playing += 1;
        maxPlaying = Math.max(maxPlaying, playing);
        wire.push(digit);
        await tick(5);
        playing -= 1;
      },
      (digit) => sent.push(digit),
    );
    for (const digit of '1234567890*#') queue.enqueue(digit);
    queue.enqueue('ab');
    // 14 digits of 5 ms each: wait for the last one (a loaded browser runs timers late), not a fixed time.
    await until(() => sent.length === 14, 'all fourteen digits sent');
    expect(wire.join('')).to.equal('1234567890*#AB');
    expect(sent.join('')).to.equal('1234567890*#AB');
    expect(maxPlaying).to.equal(1);
    expect(queue.size).to.equal(0);
  });

  it('drops what is left when the call ends', async () => {
    const wire: string[] = [];
    const queue = new DtmfQueue(async (digit) => {
      wire.push(digit);
      await tick(10);
    }, () => {});
    queue.enqueue('123');
    await tick(1);
    queue.stop();
    queue.enqueue('9');
    await tick(50);
    expect(wire).to.deep.equal(['1']);
  });

  it('reports a failed digit and does not send the rest', async () => {
    const failures: string[] = [];
    const wire: string[] = [];
    const queue = new DtmfQueue(
      async (digit) => {
        wire.push(digit);
        if (digit === '2') throw new Error('INFO refused');
      },
      () => {},
      (digit) => failures.push(digit),
    );
    queue.enqueue('123');
    await until(() => failures.length > 0, 'the failed digit reported');
    await tick(10); // and nothing after it
    expect(wire).to.deep.equal(['1', '2']);
    expect(failures).to.deep.equal(['2']);
  });
});
