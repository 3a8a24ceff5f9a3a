import { expect } from '@open-wc/testing';
import { SipConnection, type ConnectableAgent } from '../../src/phone/sip-connection.js';
import { until } from '../support/until.js';

/** An agent whose server is down until the test brings it up. */
class FlakyAgent implements ConnectableAgent {
  started = false;
  up = false;
  attempts = 0;
  connected = false;
  async start() {
    this.started = true;
    return this.attempt();
  }
  async reconnect() {
    return this.attempt();
  }
  isConnected() {
    return this.connected;
  }
  private attempt(): Promise<void> {
    this.attempts += 1;
    this.connected = this.up;
    return this.up ? Promise.resolve() : Promise.reject(new Error('down'));
  }
}

describe('SipConnection', () => {
  it('stops reconnecting while the page is hidden and no call is live, and resumes when it is shown', async () => {
    const agent = new FlakyAgent();
    let visible = true;
    const reports: string[] = [];
    const connection = new SipConnection(agent, { report: (state) => reports.push(state), hasLiveCalls: () => false, isPageVisible: () => visible });
    await connection.connect().catch(() => undefined);
    await until(() => agent.attempts >= 2, 'a reconnect');
    visible = false;
    await until(() => connection.isPaused, 'the pause');
    const attemptsWhenPaused = agent.attempts;
    expect(reports.at(-1)).to.equal('disconnected');
    // Longer than the first retries would take (0.5 s, 1 s): nothing is tried while hidden.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(agent.attempts).to.equal(attemptsWhenPaused);
    visible = true;
    agent.up = true;
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => agent.isConnected(), 'the reconnect on show');
    connection.connected();
    expect(reports.at(-1)).to.equal('connected');
    connection.close();
  });

  it('keeps reconnecting from a hidden page while a call is live', async () => {
    const agent = new FlakyAgent();
    const connection = new SipConnection(agent, { report: () => undefined, hasLiveCalls: () => true, isPageVisible: () => false });
    await connection.connect().catch(() => undefined);
    await until(() => agent.attempts >= 3, 'two reconnects');
    expect(connection.isPaused).to.equal(false);
    connection.close();
  });

  it('reconnects at once when a call needs the connection, even while paused', async () => {
    const agent = new FlakyAgent();
    const connection = new SipConnection(agent, { report: () => undefined, hasLiveCalls: () => false, isPageVisible: () => false });
    await connection.connect().catch(() => undefined);
    await until(() => connection.isPaused, 'the pause');
    agent.up = true;
    await connection.connect();
    expect(agent.isConnected()).to.equal(true);
    connection.close();
  });

  it('fails an attempt that neither opens nor fails by its deadline, in words, and tries again', async () => {
    let attempts = 0;
    const silent: ConnectableAgent = { started: false, start: () => (attempts++, new Promise(() => undefined)), reconnect: () => (attempts++, new Promise(() => undefined)), isConnected: () => false };
    const connection = new SipConnection(silent, { report: () => undefined, hasLiveCalls: () => true, connectDeadlineMs: 200 });
    const error = await connection.connect().then(() => undefined, (reason: Error) => reason);
    expect(error?.message).to.match(/did not accept the connection within 0.2 s/);
    await until(() => attempts >= 2, 'a retry');
    connection.close();
  });

  it('fails the attempt under way at once when the connection is blocked, and does not retry', async () => {
    let attempts = 0;
    const silent: ConnectableAgent = { started: false, start: () => (attempts++, new Promise(() => undefined)), reconnect: () => (attempts++, new Promise(() => undefined)), isConnected: () => false };
    const reports: string[] = [];
    const connection = new SipConnection(silent, { report: (state, message) => reports.push(`${state}${message ? `: ${message}` : ''}`), hasLiveCalls: () => true });
    const pending = connection.connect().then(() => undefined, (reason: Error) => reason);
    connection.blocked('Blocked by the CSP.');
    expect((await pending)?.message).to.equal('Blocked by the CSP.');
    expect(reports.at(-1)).to.equal('disconnected: Blocked by the CSP.');
    const later = await connection.connect().then(() => undefined, (reason: Error) => reason);
    expect(later?.message).to.equal('Blocked by the CSP.');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(attempts).to.equal(1);
    connection.close();
  });
  it('says why with each report: unreachable for a failed attempt, lost for a dropped connection, paused while hidden, blocked by the CSP', async () => {
    const agent = new FlakyAgent();
    let visible = true;
    const reports: Array<{ state: string; message?: string; reason?: string; retryAt?: number }> = [];
    const connection = new SipConnection(agent, {
      report: (state, message, retryAt, reason) => reports.push({ state, message, reason, retryAt }),
      hasLiveCalls: () => false,
      isPageVisible: () => visible,
    });
    const last = () => reports.at(-1)!;
    await connection.connect().catch(() => undefined);
    await until(() => last().state === 'reconnecting' && last().reason !== undefined, 'the retry report');
    expect(last()).to.include({ state: 'reconnecting', reason: 'unreachable', message: 'The SIP server could not be reached. Check the network or try again.' });
    expect(last().retryAt).to.be.a('number');
    // The server comes up; the connection later drops under the agent.
    agent.up = true;
    await until(() => agent.isConnected(), 'the reconnect');
    connection.connected();
    expect(last()).to.deep.equal({ state: 'connected', message: undefined, reason: undefined, retryAt: undefined });
    agent.connected = false;
    agent.up = false;
    connection.disconnected(new Error('WebSocket closed abnormally (1006)'));
    expect(last()).to.include({ state: 'reconnecting', reason: 'lost' });
    // Hidden with nothing live: the next failure pauses, and says so.
    visible = false;
    await until(() => connection.isPaused, 'the pause');
    expect(last()).to.include({ state: 'disconnected', reason: 'paused', message: 'Disconnected from the SIP server; reconnecting when this page is shown.' });
    connection.blocked('Blocked by the CSP.');
    expect(last()).to.deep.equal({ state: 'disconnected', message: 'Blocked by the CSP.', reason: 'blocked', retryAt: undefined });
    // An attempt starting, or the connection closed on purpose, says no reason.
    expect(reports.filter((report) => report.state === 'connecting' || report.state === 'connected').every((report) => report.reason === undefined)).to.equal(true);
    connection.close();
  });

  it('an attempt that times out is unreachable too', async () => {
    const reasons: Array<string | undefined> = [];
    const silent: ConnectableAgent = { started: false, start: () => new Promise(() => undefined), reconnect: () => new Promise(() => undefined), isConnected: () => false };
    const connection = new SipConnection(silent, { report: (_state, message, _at, reason) => message && reasons.push(reason), hasLiveCalls: () => true, connectDeadlineMs: 200 });
    await connection.connect().catch(() => undefined);
    await until(() => reasons.length > 0, 'the retry report');
    expect(reasons[0]).to.equal('unreachable');
    connection.close();
  });
});
