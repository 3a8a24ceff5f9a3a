import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { whenAudioArrives } from '../../src/phone/early-media.js';
import { until } from '../support/until.js';

/** Two peer connections in the page: `sending` sends `track` (or nothing) to `receiving`. */
async function connectedPair(track: MediaStreamTrack | null) {
  const sending = new RTCPeerConnection();
  const receiving = new RTCPeerConnection();
  sending.onicecandidate = (e) => e.candidate && void receiving.addIceCandidate(e.candidate);
  receiving.onicecandidate = (e) => e.candidate && void sending.addIceCandidate(e.candidate);
  const transceiver = sending.addTransceiver('audio', { direction: 'sendonly' });
  if (track) await transceiver.sender.replaceTrack(track);
  await sending.setLocalDescription();
  await receiving.setRemoteDescription(sending.localDescription!);
  await receiving.setLocalDescription();
  await sending.setRemoteDescription(receiving.localDescription!);
  return { sending, receiving, close: () => (sending.close(), receiving.close()) };
}

describe('early media: driven by audio on the wire', () => {
  // A click gives the page the user activation Web Audio needs to run.
  before(() => sendMouse({ type: 'click', position: [5, 5] }));

  it('reports early media once the far end\'s packets arrive, and only once', async function () {
    this.timeout(30_000);
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    const destination = context.createMediaStreamDestination();
    oscillator.connect(destination);
    oscillator.start();
    const pair = await connectedPair(destination.stream.getAudioTracks()[0]);
    let arrived = 0;
    whenAudioArrives(pair.receiving, () => arrived++);
    await until(() => arrived > 0, 'the first packets', 8000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(arrived).to.equal(1);
    pair.close();
    await context.close();
  });

  it('says nothing while the far end sends no audio (an SDP alone is not early media), nor after cancel', async function () {
    this.timeout(30_000);
    const pair = await connectedPair(null);
    let arrived = 0;
    const cancel = whenAudioArrives(pair.receiving, () => arrived++);
    await until(() => pair.receiving.connectionState === 'connected', 'the transport up', 8000);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(arrived).to.equal(0);
    cancel();
    pair.close();
  });
});
