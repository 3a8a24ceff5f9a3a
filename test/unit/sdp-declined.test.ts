import { expect } from '@open-wc/testing';
import { audioDeclined } from '../../src/phone/sdp-declined.js';

const answer = (mLines: string[]) => ['v=0', 'o=far 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', ...mLines, ''].join('\r\n');

describe('audioDeclined (RFC 3264 section 6: port 0 rejects a stream)', () => {
  it('is true when the only audio m-line has port 0', () => {
    expect(audioDeclined(answer(['m=audio 0 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000']))).to.equal(true);
    expect(audioDeclined(answer(['m=audio 0 UDP/TLS/RTP/SAVPF 111']).replace(/\r\n/g, '\n'))).to.equal(true);
  });

  it('is false for an audio m-line with a port, even beside a declined one, and for port numbers that merely start with 0-like digits', () => {
    expect(audioDeclined(answer(['m=audio 40000 RTP/AVP 0']))).to.equal(false);
    expect(audioDeclined(answer(['m=audio 0 RTP/AVP 0', 'm=audio 40002 RTP/AVP 0']))).to.equal(false);
    expect(audioDeclined(answer(['m=audio 9 UDP/TLS/RTP/SAVPF 111']))).to.equal(false);
    expect(audioDeclined(answer(['m=audio 10000/2 RTP/AVP 0']))).to.equal(false);
  });

  it('is false when there is no SDP or no audio m-line to judge (other checks cover those)', () => {
    expect(audioDeclined('')).to.equal(false);
    expect(audioDeclined(answer(['m=video 0 RTP/AVP 96']))).to.equal(false);
  });
});
