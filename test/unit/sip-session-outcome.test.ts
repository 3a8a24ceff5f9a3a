// How a call ended once sip.js says its session is over: the rules as one table.
import { expect } from '@open-wc/testing';
import { sessionOutcome, type SessionFacts } from '../../src/phone/sip-session-outcome.js';
import { ANSWER_UNUSABLE_WORDS } from '../../src/phone/sip-audio-port-zero.js';

const facts = (over: Partial<SessionFacts>): SessionFacts => ({
  finalStatus: undefined,
  endedBy: undefined,
  answeredAtAll: true,
  accepted: false,
  established: false,
  mayRefreshCredentials: false,
  ...over,
});

describe('sessionOutcome', () => {
  it('tries refused credentials again once, only with a source of fresh ones and unless the agent hung up', () => {
    for (const status of [401, 403, 407]) {
      expect(sessionOutcome(facts({ finalStatus: status, mayRefreshCredentials: true }))).to.deep.equal({ next: 'retry-with-fresh-credentials', status });
    }
    expect(sessionOutcome(facts({ finalStatus: 403 }))).to.deep.equal({ next: 'end', endedBy: 'remote', reason: 'rejected', sipStatus: 403 });
    expect(sessionOutcome(facts({ finalStatus: 407, endedBy: 'local', mayRefreshCredentials: true })).next).to.equal('end');
  });

  it('a far end that hung up wins over any status', () => {
    expect(sessionOutcome(facts({ endedBy: 'remote', finalStatus: 486 }))).to.deep.equal({ next: 'end', endedBy: 'remote', reason: 'hangup' });
  });

  it('a 487 after the agent hung up is a cancel; any other refusal is the far end rejecting', () => {
    expect(sessionOutcome(facts({ endedBy: 'local', finalStatus: 487 }))).to.deep.equal({ next: 'end', endedBy: 'local', reason: 'cancelled', sipStatus: 487 });
    expect(sessionOutcome(facts({ finalStatus: 487 }))).to.deep.equal({ next: 'end', endedBy: 'remote', reason: 'rejected', sipStatus: 487 });
    expect(sessionOutcome(facts({ finalStatus: 302 }))).to.deep.equal({ next: 'end', endedBy: 'remote', reason: 'rejected', sipStatus: 302 });
  });

  it('the agent hanging up is a hang-up once connected, a cancel before', () => {
    expect(sessionOutcome(facts({ endedBy: 'local', established: true }))).to.deep.equal({ next: 'end', endedBy: 'local', reason: 'hangup' });
    expect(sessionOutcome(facts({ endedBy: 'local' }))).to.deep.equal({ next: 'end', endedBy: 'local', reason: 'cancelled' });
  });

  it('no answer at all is the server not answering; an answer whose audio could not be used is media-failed; anything else is a lost connection', () => {
    expect(sessionOutcome(facts({ answeredAtAll: false }))).to.deep.equal({ next: 'no-answer-from-server' });
    expect(sessionOutcome(facts({ accepted: true }))).to.include({ next: 'end', endedBy: 'system', reason: 'media-failed', cause: 'answer-unusable', message: ANSWER_UNUSABLE_WORDS });
    expect(sessionOutcome(facts({ accepted: true, established: true }))).to.deep.equal({ next: 'end', endedBy: 'system', reason: 'connection-lost' });
  });
});
