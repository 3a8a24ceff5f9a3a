// Tiny UDP sink: one line per datagram, "<epoch ms> <text>" (rtpengine --dtmf-log-dest sends
// one JSON object per RFC 4733 event it relays).   node udp-log.mjs 127.0.0.1 40000 >> file
import dgram from 'node:dgram';
const [host = '127.0.0.1', port = '40000'] = process.argv.slice(2);
const s = dgram.createSocket('udp4');
s.on('message', (m) => process.stdout.write(`${Date.now()} ${m.toString().replace(/\s+/g, ' ')}\n`));
s.bind(Number(port), host);
process.on('SIGTERM', () => process.exit(0));
