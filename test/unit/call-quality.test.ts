import { expect } from '@open-wc/testing';
import { QualityMonitor, type QualityChange, type QualityReading } from '../../src/phone/call-quality.js';
import { TalkingWhileMuted } from '../../src/phone/input-level.js';
import { mosOf } from '../../src/phone/mos.js';

/**
 * Figures printed by twilio-voice.js's own `calculate` (lib/twilio/rtc/mos.ts at the fetched
 * snapshot, compiled with esbuild and run in node): [rtt ms, jitter ms, loss %] -> MOS.
 */
const TWILIO_MOS: Array<[number, number, number, number]> = [
  [0, 0, 0, 4.433327950361177],
  [5, 0, 0, 4.431175247664802],
  [20, 2, 0, 4.422749933563576],
  [100, 10, 0.5, 4.345510560778177],
  [150, 20, 1, 4.1745853226021765],
  [300, 30, 2, 3.3430409005301764],
  [400, 30, 3, 2.6943484043301766],
  [600, 50, 5, 1.355310765146176],
  [50, 5, 10, 3.5027237881671764],
  [900, 100, 0, 1.0000314733439999],
  [1200, 0, 0, 1.0000314733439999],
  [10, 1, 40, 1],
];

describe('MOS (E-model as twilio-voice.js computes it)', () => {
  it('gives the same figures as Twilio for the same rtt, jitter and loss', () => {
    for (const [rtt, jitter, loss, twilio] of TWILIO_MOS) {
      expect(mosOf(rtt, jitter, loss), `rtt ${rtt}, jitter ${jitter}, loss ${loss}`).to.be.closeTo(twilio, 1e-12);
    }
  });

  it('has no figure for a missing or negative input', () => {
    expect(mosOf(undefined, 1, 0)).to.equal(undefined);
    expect(mosOf(1, -1, 0)).to.equal(undefined);
    expect(mosOf(1, 1, Number.NaN)).to.equal(undefined);
  });
});

/** Readings every 500 ms (as the watch takes them); `step` says what changes each time. */
class Feed {
  readonly monitor = new QualityMonitor();
  readonly changes: Array<QualityChange & { at: number }> = [];
  r: QualityReading = { at: 0, bytesSent: 0, bytesReceived: 0, packetsReceived: 0, packetsLost: 0, rttMs: 20, jitterMs: 3, levels: [] };

  /** `seconds` of readings, each 500 ms: audio flowing both ways unless told otherwise. */
  run(seconds: number, opts: { rx?: boolean; tx?: boolean; lossPercent?: number; rttMs?: number; jitterMs?: number; level?: () => number; held?: boolean; muted?: boolean } = {}): this {
    for (let i = 0; i < seconds * 2; i += 1) {
      const packets = 25;
      const lost = Math.round((packets * (opts.lossPercent ?? 0)) / 100);
      this.r = {
        ...this.r,
        at: this.r.at + 500,
        bytesSent: this.r.bytesSent + (opts.tx === false ? 0 : 2000),
        bytesReceived: this.r.bytesReceived + (opts.rx === false ? 0 : 2000),
        packetsReceived: this.r.packetsReceived + (opts.rx === false ? 0 : packets - lost),
        packetsLost: this.r.packetsLost + (opts.rx === false ? 0 : lost),
        rttMs: opts.rttMs ?? 20,
        jitterMs: opts.jitterMs ?? 3,
        levels: Array.from({ length: 10 }, opts.level ?? (() => 0.3 + Math.random() * 0.3)),
        held: opts.held ?? false,
        muted: opts.muted ?? false,
      };
      for (const change of this.monitor.add(this.r)) this.changes.push({ ...change, at: this.r.at });
    }
    return this;
  }

  raised(warning: string): number | undefined {
    return this.changes.find((c) => c.warning === warning && c.raised)?.at;
  }

  cleared(warning: string): number | undefined {
    return this.changes.find((c) => c.warning === warning && !c.raised)?.at;
  }
}

describe('Quality rules', () => {
  it('a good call raises nothing and sums up its figures', () => {
    const feed = new Feed().run(20);
    expect(feed.changes).to.deep.equal([]);
    const summary = feed.monitor.summary();
    expect(summary.warnings).to.deep.equal([]);
    expect(summary.mos?.min).to.be.closeTo(mosOf(20, 3, 0) as number, 0.01);
    expect(summary.bytesSent).to.equal(80000);
    expect(summary.bytesReceived).to.equal(80000);
    expect(summary.packetLossPercent).to.equal(0);
  });

  it('no audio received for 3 s raises within 3.5 s and clears on the first byte back', () => {
    const feed = new Feed().run(5);
    const stoppedAt = feed.r.at;
    feed.run(5, { rx: false });
    const raisedAt = feed.raised('no-audio-received') as number;
    expect(raisedAt - stoppedAt).to.be.within(3000, 3500);
    expect(feed.raised('no-audio-sent')).to.equal(undefined);
    expect(feed.changes.find((c) => c.warning === 'no-audio-received')?.figures.silentForMs).to.be.at.least(3000);
    const back = feed.r.at;
    feed.run(1);
    expect(feed.cleared('no-audio-received')).to.equal(back + 500);
    expect(feed.monitor.summary().warnings).to.include('no-audio-received');
  });

  it('no audio received counts from the last packet\'s arrival when getStats gives it', () => {
    const feed = new Feed().run(5);
    // The last packet arrived 450 ms before the next reading, then nothing.
    feed.r = { ...feed.r, at: feed.r.at + 500, bytesReceived: feed.r.bytesReceived + 100, packetsReceived: feed.r.packetsReceived + 1, lastPacketAgoMs: 450 };
    const lastPacketAt = feed.r.at - 450;
    feed.monitor.add(feed.r);
    feed.r = { ...feed.r, lastPacketAgoMs: undefined };
    feed.run(4, { rx: false });
    expect((feed.raised('no-audio-received') as number) - lastPacketAt).to.be.within(3000, 3500);
    const raised = feed.changes.find((c) => c.warning === 'no-audio-received' && c.raised)!;
    expect(raised.figures.silentForMs, 'measured from the packet, not from the reading that saw it').to.equal(raised.at - lastPacketAt);
    expect(raised.figures.silentForMs).to.equal(3450);
  });

  it('no audio sent for 3 s raises no-audio-sent; on hold neither side warns', () => {
    const feed = new Feed().run(2).run(4, { tx: false });
    expect(feed.raised('no-audio-sent')).to.not.equal(undefined);
    const held = new Feed().run(2).run(10, { rx: false, tx: false, held: true });
    expect(held.changes).to.deep.equal([]);
  });

  it('rtt > 400 ms in 3 of 5 samples raises high-rtt; it clears once 5 samples are good (and 5 s passed)', () => {
    const feed = new Feed().run(3).run(2, { rttMs: 450 });
    expect(feed.raised('high-rtt')).to.equal(undefined);
    feed.run(1, { rttMs: 450 });
    expect(feed.raised('high-rtt')).to.not.equal(undefined);
    feed.run(4);
    expect(feed.cleared('high-rtt')).to.equal(undefined);
    feed.run(2);
    expect(feed.cleared('high-rtt')).to.not.equal(undefined);
    expect(feed.changes.find((c) => c.warning === 'high-rtt' && c.raised)?.figures.rttMs).to.equal(450);
  });

  it('rtt of exactly 400 ms and jitter of exactly 30 ms are not warnings; 31 ms jitter is', () => {
    const atThresholds = new Feed().run(10, { rttMs: 400, jitterMs: 30 });
    expect(atThresholds.raised('high-rtt')).to.equal(undefined);
    expect(atThresholds.raised('high-jitter')).to.equal(undefined);
    expect(new Feed().run(10, { jitterMs: 31 }).raised('high-jitter')).to.not.equal(undefined);
  });

  it('MOS below 3.5 raises low-mos', () => {
    // rtt 350 ms + jitter 20 ms: MOS ~3.44 (rtt and jitter themselves under their thresholds)
    expect(mosOf(350, 20, 0)).to.be.below(3.5);
    const feed = new Feed().run(6, { rttMs: 350, jitterMs: 20 });
    expect(feed.raised('low-mos')).to.not.equal(undefined);
    expect(feed.raised('high-rtt')).to.equal(undefined);
  });

  it('loss > 1 % in 3 of 5 samples raises high-packet-loss', () => {
    const feed = new Feed().run(2).run(3, { lossPercent: 4 });
    expect(feed.raised('high-packet-loss')).to.not.equal(undefined);
  });

  it('loss averaging > 3 % over 7 samples raises high-packet-loss even when fewer than 3 of the last 5 samples pass 1 %', () => {
    // One-second samples 12 %, 12 %, then 0 %: after 7 samples the average is 3.4 % while
    // none of the last 5 samples passed 1 % (the 3-of-5 rule never fires)
    const feed = new Feed().run(0.5).run(2, { lossPercent: 12 }).run(4);
    expect(feed.raised('high-packet-loss'), 'not yet: fewer than 7 samples').to.equal(undefined);
    feed.run(1);
    expect(feed.raised('high-packet-loss')).to.not.equal(undefined);
    // ...and it stays until the 7-sample average is 1 % or less (and 5 s passed)
    feed.run(3);
    expect(feed.cleared('high-packet-loss')).to.equal(undefined);
    feed.run(4);
    expect(feed.cleared('high-packet-loss')).to.not.equal(undefined);
  });

  it('a flat microphone level for 10 s raises silent-microphone; a voice clears it', () => {
    const feed = new Feed().run(9, { level: () => 0 });
    expect(feed.raised('silent-microphone')).to.equal(undefined);
    feed.run(2, { level: () => 0 });
    expect(feed.raised('silent-microphone')).to.not.equal(undefined);
    feed.run(6);
    expect(feed.cleared('silent-microphone')).to.not.equal(undefined);
  });

  it('a flat level while muted is not raised (as Twilio); unmuted and still flat, it is', () => {
    const feed = new Feed().run(15, { level: () => 0, muted: true });
    expect(feed.raised('silent-microphone')).to.equal(undefined);
    feed.run(1, { level: () => 0 });
    expect(feed.raised('silent-microphone')).to.not.equal(undefined);
  });

  it('no level readings (no audio graph) never counts as a silent microphone', () => {
    const feed = new Feed();
    for (let i = 0; i < 40; i += 1) {
      feed.r = { ...feed.r, at: feed.r.at + 500, bytesSent: feed.r.bytesSent + 1, bytesReceived: feed.r.bytesReceived + 1, levels: [] };
      expect(feed.monitor.add(feed.r)).to.deep.equal([]);
    }
  });
});

describe('Talking while muted', () => {
  it('shows after 300 ms of speech while muted, goes after 1.5 s of quiet, and never while unmuted', () => {
    const t = new TalkingWhileMuted();
    expect(t.update(0.05, false, 0)).to.equal(false);
    t.update(0.05, true, 100);
    expect(t.talking).to.equal(false);
    expect(t.update(0.05, true, 450)).to.equal(true);
    t.update(0.001, true, 500);
    t.update(0.001, true, 1900);
    expect(t.talking).to.equal(true);
    t.update(0.001, true, 2100);
    expect(t.talking).to.equal(false);
    t.update(0.05, true, 3000);
    t.update(0.05, true, 3400);
    expect(t.update(0.05, false, 3450)).to.equal(true);
    expect(t.talking).to.equal(false);
  });

  it('short pauses between syllables do not restart the count; room noise (-50 dBFS) is not talking', () => {
    const t = new TalkingWhileMuted();
    t.update(0.05, true, 0);
    t.update(0.001, true, 150);
    t.update(0.05, true, 200);
    expect(t.update(0.05, true, 350)).to.equal(true);
    const room = new TalkingWhileMuted();
    for (let at = 0; at < 3000; at += 50) room.update(0.003, true, at);
    expect(room.talking).to.equal(false);
  });
});
