// usp-js (an independent USP Controller) drives one fleetsim agent over the USP WebSocket MTP.
// The agent is the WebSocket client (TR-369 R-WS.1 lets either side listen): this script listens,
// prints "listening PORT" once ready, and gives usp-js an adapter around the agent's connection
// through usp-js's exported build() (its built-in connect speaks only MQTT).
// Usage: node ws-controller.js PORT AGENT_EID CONTROLLER_EID
// Prints one JSON object with what each call returned; exits non-zero on any failure.
"use strict";
const http = require("http");
const WebSocketServer = require("websocket").server;
const { build } = require("usp-js");
const { decodeID } = require("usp-js/node/commands");
const { loadProtobuf } = require("usp-js/node/configurations/mqtt");
const { withTimeout, runSteps, runAndExit } = require("./steps");

const [port, eid, controllerId] = process.argv.slice(2);
const results = {};

/**
 * The agent's current WebSocket (it changes when the agent reboots and reconnects) behind the
 * MQTT-client shape usp-js expects: on, subscribe, unsubscribe, publish, end.
 */
function agentConnection() {
  const handlers = { message: [] };
  let current = null;
  let firstConnection;
  const connected = new Promise((resolve) => (firstConnection = resolve));
  const http404 = http.createServer((req, res) => {
    res.writeHead(404);
    res.end();
  });
  const server = new WebSocketServer({ httpServer: http404, autoAcceptConnections: false });
  server.on("request", (request) => {
    // R-WS.2/R-WS.3: the agent names itself in ?eid= and asks for the v1.usp subprotocol
    if (request.resourceURL.query.eid !== eid || !request.requestedProtocols.includes("v1.usp")) {
      request.reject(400, "expected eid=" + eid + " and subprotocol v1.usp");
      return;
    }
    const conn = request.accept("v1.usp", request.origin);
    current = conn;
    conn.on("message", (m) => {
      if (m.type === "binary") {
        handlers.message.forEach((h) => h("/usp/controller", m.binaryData));
      }
    });
    conn.on("close", () => {
      if (current === conn) current = null;
    });
    firstConnection();
  });
  const client = {
    on(event, handler) {
      (handlers[event] = handlers[event] || []).push(handler);
    },
    subscribe: async () => {},
    unsubscribe: async () => {},
    publish(_topic, bytes) {
      if (current) current.sendBytes(Buffer.from(bytes));
    },
    end() {
      if (current) current.close();
      server.shutDown();
      http404.close();
    },
  };
  return new Promise((resolve) =>
    http404.listen(Number(port), "127.0.0.1", () => {
      console.log("listening " + port);
      resolve({ client, connected });
    }),
  );
}

async function main() {
  const { client, connected } = await agentConnection();
  await withTimeout(connected, 20000, "agent connect");
  const connect = build({ connectClient: async () => client, decodeID, loadProtobuf });
  const usp = await withTimeout(
    connect({ toId: eid, fromId: controllerId, connectTimeout: 5000 }, { onError: () => {} }),
    10000,
    "usp-js build",
  );
  await runSteps(usp, results);
}

runAndExit(main, results);
