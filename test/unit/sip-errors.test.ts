import { expect } from '@open-wc/testing';
import { describeSipStatus, outcomeForStatus } from '../../src/phone/sip-errors.js';

describe('SIP status words', () => {
  const table: Array<[number, string, RegExp]> = [
    [401, 'auth-failed', /username and password/],
    [403, 'auth-failed', /forbidden/],
    [407, 'auth-failed', /username and password/],
    [404, 'not-found', /not reachable/],
    [484, 'not-found', /incomplete/],
    [408, 'no-answer', /No answer/],
    [480, 'unavailable', /unavailable/],
    [486, 'busy', /busy/],
    [600, 'busy', /busy/],
    [487, 'cancelled', /cancelled/],
    [488, 'media-not-acceptable', /media not acceptable/],
    [500, 'server-error', /problem \(500\)/],
    [503, 'server-error', /problem \(503\)/],
    [603, 'declined', /declined/],
    [415, 'rejected', /could not be completed \(415\)/],
  ];
  for (const [status, reason, words] of table) {
    it(`${status} -> ${reason}`, () => {
      const described = describeSipStatus(status);
      expect(described.reason).to.equal(reason);
      expect(described.message).to.match(words);
    });
  }

  it('carries the status in the outcome and says who ended it', () => {
    expect(outcomeForStatus(486)).to.deep.include({ endedBy: 'remote', reason: 'busy', sipStatus: 486 });
    expect(outcomeForStatus(503)).to.deep.include({ endedBy: 'system', reason: 'server-error', sipStatus: 503 });
    expect(outcomeForStatus(407)).to.deep.include({ endedBy: 'system', reason: 'auth-failed' });
  });
});
