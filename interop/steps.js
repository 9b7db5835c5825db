// The calls usp-js makes on a fleetsim agent, whatever the MTP; shared by the interop drivers.
"use strict";

function withTimeout(promise, ms, what) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error("timeout: " + what)), ms)),
  ]);
}

/** Runs every step on a connected usp-js instance, filling results; rejects on the first failure. */
async function runSteps(usp, results) {
  // every call gets its own deadline: a lost message must fail the run, not hang it
  const call = (what, promise) => withTimeout(promise, 10000, what);

  results.serial = await call("get", usp.get("Device.DeviceInfo.SerialNumber"));
  results.wildcard = await call("get", usp.get("Device.WiFi.SSID.*.SSID"));
  results.search = await call("get", usp.get('Device.WiFi.SSID.[Name=="wl2"].SSID'));
  await call("set", usp.set("Device.DeviceInfo.FriendlyName", "usp-js was here"));
  results.friendlyName = await call("get", usp.get("Device.DeviceInfo.FriendlyName"));
  const added = await call(
    "add",
    usp.add("Device.LocalAgent.Subscription.", {
      ID: "js-1",
      NotifType: "ValueChange",
      ReferenceList: "Device.DeviceInfo.FriendlyName",
    }),
  );
  results.added = added;
  results.deleted = await call("del", usp.del(Array.isArray(added) ? added[0] : added));
  results.supportedDM = await call(
    "supportedDM",
    usp.supportedDM("Device.DeviceInfo.", {
      firstLevelOnly: true,
      returnParams: true,
    }),
  );
  results.instances = await call("instances", usp.instances("Device.DeviceInfo.FirmwareImage."));

  // Boot!: subscribe, reboot, wait for the event of the new boot. The Subscription must be
  // Persistent (TR-181 LocalAgent.Subscription.{i}.Persistent: false ones are removed on reboot,
  // so the Boot! of the new boot never reaches them).
  const booted = new Promise((resolve, reject) => {
    usp
      .subscribe(
        { id: "boot-js", notif: "Event", reference: "Device.Boot!", persist: true },
        (msg, fullMsg) => resolve({ msg, fullMsg }),
      )
      .catch((e) => reject(new Error("subscribe: " + JSON.stringify(e))));
  });
  booted.catch(() => {}); // awaited below; keeps an early failure from being "unhandled"
  await new Promise((r) => setTimeout(r, 500));
  const [run] = await call(
    "operate",
    usp.operate("Device.Reboot()", { isAsync: false, commandKey: "js-reboot" }),
  );
  results.reboot = await call("reboot", run({}));
  results.boot = await withTimeout(booted, 20000, "Boot!");
  await call("disconnect", usp.disconnect());
}

/** Runs main() and exits: 0 with the results as one JSON line, 1 with the error on stderr. */
function runAndExit(main, results) {
  main().then(
    () => {
      console.log(JSON.stringify(results));
      process.exit(0);
    },
    (err) => {
      console.error("usp-js failed:", err && err.stack ? err.stack : err, JSON.stringify(results));
      process.exit(1);
    },
  );
}

module.exports = { withTimeout, runSteps, runAndExit };
