// The loopback test values that stand in for the deploy/ files' production placeholders (see
// deploy/README.md, "What is verified"). Every placeholder listed must occur in its file: a file
// that changed shape fails the test instead of being checked with its production addresses.
export const LOOPBACK = {
  // deploy/rtpengine/rtpengine.conf: interface pub/… and trunk/…, listen-ng on the trunk side
  rtpengine: { '203.0.113.20': '127.0.0.20', '10.0.0.20': '127.0.0.21' },
  // deploy/coturn/turnserver.conf: listening-ip, relay-ip
  coturn: { '203.0.113.10': '127.0.0.10' },
  // deploy/kamailio/kamailio.cfg site values (-A defines) and dispatcher.list gateways
  edge: { host: 'sip.vc-phone.test', ip: '127.0.0.1', rtpengineNg: '127.0.0.21:2223' },
  gateways: { 'gw1.trunk.example.net:5060': '127.0.0.1:5091', 'gw2.trunk.example.net:5060': '127.0.0.1:5092' },
};
export const SECRET = 'deploy-test-secret';

/** The kamailio -A defines that put the edge on loopback with throw-away files. */
export function edgeDefines({ tlsCfg, dsList }) {
  const q = (s) => `"${s}"`;
  return ['-A', `EDGE_HOST=${q(LOOPBACK.edge.host)}`, '-A', `EDGE_PUBLIC_IP=${LOOPBACK.edge.ip}`, '-A', `EDGE_PRIVATE_IP=${LOOPBACK.edge.ip}`,
    '-A', `TLS_CFG=${q(tlsCfg)}`, '-A', `DISPATCHER_LIST=${q(dsList)}`, '-A', `RTPENGINE_SOCK=${q(`udp:${LOOPBACK.edge.rtpengineNg}`)}`,
    '-A', `AUTHEPH_SECRET=${q(SECRET)}`];
}
