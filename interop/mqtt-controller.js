// usp-js (an independent USP Controller) drives one fleetsim agent over MQTT through a broker.
// Usage: node mqtt-controller.js PORT AGENT_EID MQTT_VERSION(4|5) CONTROLLER_EID
// Prints one JSON object with what each call returned; exits non-zero on any failure.
"use strict";
const connect = require("usp-js").default;
const { withTimeout, runSteps, runAndExit } = require("./steps");

const [port, eid, version, controllerId] = process.argv.slice(2);
const v5 = version === "5";
const results = {};

async function main() {
  const usp = await withTimeout(
    connect(
      {
        host: "127.0.0.1",
        port: Number(port),
        protocol: "mqtt",
        protocolVersion: v5 ? 5 : 4,
        toId: eid,
        fromId: controllerId,
        publishEndpoint: "/usp/agent/" + eid,
        // 3.1.1 agents answer on <controller topic>/reply-to=...
        subscribeEndpoint: v5 ? "/usp/controller" : "/usp/controller/#",
        closeOnDisconnect: true,
        connectTimeout: 5000,
      },
      { onError: () => {} },
    ),
    10000,
    "connect",
  );
  await runSteps(usp, results);
}

runAndExit(main, results);
