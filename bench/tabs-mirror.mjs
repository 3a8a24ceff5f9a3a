#!/usr/bin/env node
// How fast the tabs of one phone see a change: three pages of ONE Chromium context share a phone
// (Web Locks leader, BroadcastChannel mirrors); the leader holds --calls connected calls.
//  - leader -> follower: the leader's own mute event vs the same event in each follower page;
//  - follower round trip: a follower's Mute goes to the leader and comes back as the mirrored
//    change (what the agent in a follower tab waits for);
// each against the same run's raw BroadcastChannel (one way, and a ping-pong round trip).
//   npm run bench:tabs [-- --changes 40 --calls 5]
import { launchBrowser, startStaticServer } from '../test/e2e/lib/harness.mjs';
import { bundleBenchPage } from './lib/bundle-page.mjs';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const changes = Math.max(20, arg('changes', 40));
const callCount = arg('calls', 5);
const GOAL_MS = 100;

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], n: sorted.length };
};
const fmt = ({ median, p95, max, n }) => `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(2)} ms (n=${n})`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

await bundleBenchPage('tabs-mirror');
const browser = await launchBrowser();
const web = await startStaticServer();
try {
  const context = await browser.newContext();
  const pages = [];
  for (let i = 0; i < 3; i++) {
    const page = await context.newPage();
    await page.goto(`${web.origin}/bench/pages/tabs-mirror.html`);
    await page.waitForFunction(() => window.benchReady === true);
    pages.push(page);
  }
  const roles = [];
  for (const page of pages) roles.push(await page.evaluate(() => window.start('bench-tabs')));
  if (roles.join() !== 'leader,follower,follower') throw new Error(`unexpected roles: ${roles}`);
  const [leader, follower, other] = pages;
  await leader.evaluate((n) => window.connectedCalls(n), callCount);
  await follower.waitForFunction((n) => window.callCount() === n, callCount);
  await other.waitForFunction((n) => window.callCount() === n, callCount);
  await follower.evaluate(() => (window.answerPings = true));

  // Baseline, one way: a raw message from the leader's page to the two others.
  for (let i = 0; i < changes; i++) {
    await leader.evaluate(() => window.rawSend());
    await pause(20);
  }
  const leaderSent = [];
  for (const page of [follower, other]) for (const { sent, at } of await page.evaluate(() => window.rawSeen())) leaderSent.push(at - sent);
  const rawOneWay = stats(leaderSent);

  // The phone, one way: the leader's change, seen in both followers.
  for (let i = 0; i < changes; i++) {
    await leader.evaluate(() => window.toggleMute());
    await pause(20);
  }
  await follower.waitForFunction((n) => window.muteSeen().length >= n, changes);
  await other.waitForFunction((n) => window.muteSeen().length >= n, changes);
  const [atLeader, atFollower, atOther] = await Promise.all(pages.map((page) => page.evaluate(() => window.muteSeen())));
  const mirrorOneWay = stats([...atFollower.map((at, i) => at - atLeader[i]), ...atOther.map((at, i) => at - atLeader[i])]);

  // Round trips: raw ping-pong vs a follower's Mute through the leader and back.
  const rawRound = [];
  const followerRound = [];
  for (let i = 0; i < changes; i++) {
    rawRound.push(await other.evaluate(() => window.rawRoundTrip()));
    await pause(10);
    const { at, shownAt } = await other.evaluate(() => window.toggleMute());
    followerRound.push(shownAt - at);
    await pause(10);
  }
  const rawTrip = stats(rawRound);
  const commandTrip = stats(followerRound);

  console.log(`tabs mirror latency: 3 pages of one context, ${callCount} connected calls on the leader, ${changes} state changes`);
  console.log(`  raw BroadcastChannel, one way (baseline)       ${fmt(rawOneWay)}`);
  console.log(`  leader change -> shown in a follower           ${fmt(mirrorOneWay)}   (x${(mirrorOneWay.median / rawOneWay.median).toFixed(1)} the baseline median)`);
  console.log(`  raw BroadcastChannel, round trip (baseline)    ${fmt(rawTrip)}`);
  console.log(`  follower's Mute -> leader -> shown in follower ${fmt(commandTrip)}   (x${(commandTrip.median / rawTrip.median).toFixed(1)} the baseline median)`);
  const worst = Math.max(mirrorOneWay.median, commandTrip.median);
  console.log(`  goal: within ${GOAL_MS} ms (median) -> ${worst <= GOAL_MS ? 'met' : 'NOT met'} (${worst.toFixed(2)} ms)`);
  await context.close();
} finally {
  await browser.close();
  await web.close();
}
