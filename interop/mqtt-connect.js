// The MQTT 5 connect ceiling of a mature client, for comparison with fleetsim's agents: N clients
// of mqtt.js 4.x (default 5,000) connect to a broker and each subscribes to its own topic, with at
// most IN_FLIGHT (default 512) connects under way, as fleetsim's connect gate allows. Prints one
// JSON line: how long until every client was subscribed, connects per second, and the heap used
// per client once all are up.
// Usage: node mqtt-connect.js mqtt://127.0.0.1:1883 [N] [IN_FLIGHT]
'use strict';
const mqtt = require('mqtt');

const url = process.argv[2];
const n = Number(process.argv[3] || 5000);
const inFlight = Number(process.argv[4] || 512);
const clients = [];
let started = 0;
let done = 0;
let failed = 0;
const t0 = process.hrtime.bigint();

function next() {
  if (started >= n) return;
  const i = started++;
  const c = mqtt.connect(url, {
    protocolVersion: 5,
    clientId: 'mqttjs-' + i,
    reconnectPeriod: 0,
    connectTimeout: 30000,
    keepalive: 60,
  });
  clients.push(c);
  c.once('connect', () => {
    c.subscribe('usp/agent/mqttjs-' + i, { qos: 0 }, (err) => {
      if (err) failed++;
      finished();
    });
  });
  c.once('error', () => {
    failed++;
    finished();
  });
}

function finished() {
  done++;
  if (done === n) {
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    global.gc && global.gc();
    const heap = process.memoryUsage().heapUsed;
    console.log(JSON.stringify({
      client: 'mqtt.js ' + require('mqtt/package.json').version,
      clients: n,
      failed,
      seconds: Number(seconds.toFixed(2)),
      connectsPerSecond: Math.round(n / seconds),
      heapBytesPerClient: Math.round(heap / n),
    }));
    clients.forEach((c) => c.end(true));
    process.exit(failed === 0 ? 0 : 1);
  } else {
    next();
  }
}

for (let k = 0; k < Math.min(inFlight, n); k++) next();
