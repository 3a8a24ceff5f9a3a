import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { AudioConference, type ConferenceLeg, type ConferenceMember } from '../../src/phone/sip-conference.js';
import { until } from '../support/until.js';

const MIC_HZ = 300;
const FROM_A_HZ = 1000;
const FROM_B_HZ = 2200;

/** A track that plays one tone (from its own AudioContext). */
function toneTrack(context: AudioContext, frequency: number): MediaStreamTrack {
  const oscillator = context.createOscillator();
  oscillator.frequency.value = frequency;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  return destination.stream.getAudioTracks()[0];
}

/** Reads which tones a track carries (dB at each frequency, from an analyser). */
function listen(context: AudioContext, track: MediaStreamTrack): (frequency: number) => number {
  const analyser = context.createAnalyser();
  analyser.fftSize = 4096;
  analyser.smoothingTimeConstant = 0;
  context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
  const bins = new Float32Array(analyser.frequencyBinCount);
  return (frequency) => {
    analyser.getFloatFrequencyData(bins);
    const bin = Math.round((frequency / context.sampleRate) * analyser.fftSize);
    return Math.max(bins[bin - 1], bins[bin], bins[bin + 1]);
  };
}

/**
 * A tone's steady level: the median of readings over about half a second, so one glitch of a
 * loaded machine (a click is heard at every frequency) does not count as the tone.
 */
async function steadyLevel(read: (frequency: number) => number, frequency: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 9; i++) {
    readings.push(read(frequency));
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  return readings.sort((x, y) => x - y)[4];
}

/** Heard (dB above the floor) or not. */
const HEARD = -50;
const SILENT = -70;

describe('AudioConference: the merge mixed in the browser', () => {
  let sources: AudioContext;
  let ears: AudioContext;

  before(async () => {
    // A click gives the page the user activation Web Audio needs to run.
    await sendMouse({ type: 'click', position: [5, 5] });
    sources = new AudioContext();
    ears = new AudioContext();
    await Promise.race([Promise.all([sources.resume(), ears.resume()]), new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
  after(async () => {
    await sources.close();
    await ears.close();
  });

  function leg(microphone: MediaStreamTrack, incoming: MediaStreamTrack): ConferenceLeg & { sent: MediaStreamTrack[] } {
    const sent: MediaStreamTrack[] = [];
    return { microphone, incoming, sent, send: async (track) => void sent.push(track) };
  }
  function member(audioLeg: ConferenceLeg): ConferenceMember & { joined: (AudioConference | undefined)[] } {
    const joined: (AudioConference | undefined)[] = [];
    return { joined, audioLeg: () => audioLeg, joinConference: (conference) => void joined.push(conference) };
  }

  it('sends each call the microphone plus the OTHER call\'s audio, never its own; mute takes the agent out of both; the end gives each call its microphone back', async function () {
    this.timeout(40_000); // a loaded machine starts audio slowly; every wait below has its own deadline
    // Headless Firefox under the test runner keeps every AudioContext suspended (no audio output,
    // no user activation through WebDriver BiDi): nothing can be heard there, so nothing is checked.
    if (sources.state !== 'running') {
      console.warn(`skipped: this browser keeps Web Audio suspended here (${sources.state})`);
      this.skip();
    }
    const microphone = toneTrack(sources, MIC_HZ);
    const a = leg(microphone, toneTrack(sources, FROM_A_HZ));
    const b = leg(microphone.clone(), toneTrack(sources, FROM_B_HZ));
    const members = [member(a), member(b)];
    const conference = await AudioConference.start(a, b, members);
    expect(a.sent).to.have.length(1);
    expect(b.sent).to.have.length(1);
    expect(members.map((m) => m.joined[0])).to.deep.equal([conference, conference]);

    const toA = listen(ears, a.sent[0]);
    const toB = listen(ears, b.sent[0]);
    await until(() => toA(MIC_HZ) > HEARD && toB(MIC_HZ) > HEARD, 'the microphone in both mixes');
    await until(() => toA(FROM_B_HZ) > HEARD && toB(FROM_A_HZ) > HEARD, 'each call hearing the other');
    expect(await steadyLevel(toA, FROM_A_HZ), 'A does not get its own audio back').to.be.below(SILENT);
    expect(await steadyLevel(toB, FROM_B_HZ), 'B does not get its own audio back').to.be.below(SILENT);

    // Mute on one call mutes the agent in the whole merge (the phone mutes both calls).
    conference.setMicrophoneEnabled(members[0], false);
    await until(() => toA(MIC_HZ) < SILENT && toB(MIC_HZ) < SILENT, 'the microphone gone from both mixes');
    expect(await steadyLevel(toB, FROM_A_HZ), 'the parties still hear each other').to.be.above(HEARD);
    conference.setMicrophoneEnabled(members[0], true);
    await until(() => toA(MIC_HZ) > HEARD, 'the microphone back');

    // A held call's incoming track is disabled: the other party no longer hears it.
    a.incoming.enabled = false;
    await until(() => toB(FROM_A_HZ) < SILENT, 'a held call silent in the other mix');
    a.incoming.enabled = true;

    await conference.end();
    await conference.end();
    expect(a.sent.at(-1)).to.equal(a.microphone);
    expect(b.sent.at(-1)).to.equal(b.microphone);
    expect(a.sent).to.have.length(2);
    expect(members.map((m) => m.joined.at(-1))).to.deep.equal([undefined, undefined]);
    expect(conference.outgoing.every((track) => track.readyState === 'ended')).to.equal(true);
  });

  it('takes a newly chosen microphone into the mix while merged (nothing else on the wire), and a split sends the new one', async function () {
    this.timeout(40_000);
    if (sources.state !== 'running') {
      console.warn(`skipped: this browser keeps Web Audio suspended here (${sources.state})`);
      this.skip();
    }
    const NEW_MIC_HZ = 600;
    const microphone = toneTrack(sources, MIC_HZ);
    const a = leg(microphone, toneTrack(sources, FROM_A_HZ));
    const b = leg(microphone.clone(), toneTrack(sources, FROM_B_HZ));
    const members = [member(a), member(b)];
    const conference = await AudioConference.start(a, b, members);
    const toB = listen(ears, b.sent[0]);
    await until(() => toB(MIC_HZ) > HEARD, 'the first microphone in the mix');

    const newMicrophone = toneTrack(sources, NEW_MIC_HZ);
    const newClone = newMicrophone.clone();
    conference.replaceMicrophone(members[0], newMicrophone);
    conference.replaceMicrophone(members[1], newClone);
    await until(() => toB(NEW_MIC_HZ) > HEARD && toB(MIC_HZ) < SILENT, 'the new microphone, not the old one, in the mix');
    expect(a.sent, 'the calls keep sending the mix').to.have.length(1);
    expect(microphone.readyState, 'the old microphone is released').to.equal('ended');

    await conference.end();
    expect(a.sent.at(-1)).to.equal(newMicrophone);
    expect(b.sent.at(-1)).to.equal(newClone);
  });

  it('changes nothing when a call\'s track can\'t be replaced', async () => {
    const a = leg(toneTrack(sources, MIC_HZ), toneTrack(sources, FROM_A_HZ));
    const b: ConferenceLeg = { microphone: toneTrack(sources, MIC_HZ), incoming: toneTrack(sources, FROM_B_HZ), send: () => Promise.reject(new Error('closed')) };
    const members = [member(a), member(b)];
    let refused: Error | undefined;
    await AudioConference.start(a, b, members).catch((error: Error) => (refused = error));
    expect(refused?.message).to.equal('closed');
    expect(a.sent.at(-1), 'A got its microphone back').to.equal(a.microphone);
    expect(members[0].joined.filter(Boolean)).to.have.length(0);
  });
});
