package io.fleetsim.agent;

import io.fleetsim.datamodel.CommandBehavior;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.TypedValues;
import io.fleetsim.usp.message.UspErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The firmware banks of TR-181 Device.DeviceInfo.FirmwareImage.{i}.: which bank a reboot boots
 * (Activate() or BootFirmwareImage), the switch of SoftwareVersion and the bank statuses, the end
 * of a Download() with its TransferComplete!, and the rollback of an image that does not boot.
 * Stateless: the one byte of unbootable banks is the {@link AgentCore}'s.
 */
final class FirmwareBanks {
  private FirmwareBanks() {}

  /**
   * The new image does not come up: the bank becomes ActivationFailed with a BootFailureLog, and
   * the device takes a second boot, into the image it ran before (what A/B-bank CPEs do after a
   * failed boot or health check). Boot! then says FirmwareUpdated=false, and an Activate() carried
   * across the reboot completes with cmd_failure 7022 (TR-181 DeviceInfo.FirmwareImage.{i}.Status).
   */
  static void rollBack(AgentCore agent, BootInfo b) {
    int[] bank = b.activateImage();
    ObjectNode images = agent.dm.schema().object(Tr181Paths.FIRMWARE_IMAGE);
    String running =
        agent.dm.value(
            agent.dm.schema().object(Tr181Paths.DEVICE_INFO).param("SoftwareVersion"),
            Instances.ROOT);
    String log =
        "image "
            + agent.dm.value(images.param("Version"), bank)
            + " failed to boot; rolled back to "
            + running;
    List<Change> changes = new ArrayList<>(2);
    setBank(agent, bank, "Status", "ActivationFailed", changes);
    setBank(agent, bank, "BootFailureLog", log, changes);
    ObjectNode info = agent.dm.schema().object(Tr181Paths.DEVICE_INFO);
    internalSet(
        agent,
        info.param("BootFirmwareImage"),
        Instances.ROOT,
        agent.dm.value(info.param("ActiveFirmwareImage"), Instances.ROOT),
        changes);
    List<Completion> completions = new ArrayList<>(b.completions().size());
    for (Completion c : b.completions()) {
      completions.add(
          c.command().behavior() == CommandBehavior.FIRMWARE_ACTIVATE
              ? c.failed(UspErrorCode.COMMAND_FAILURE, "ActivationFailed: " + log)
              : c);
    }
    agent.boot = b.rolledBack(completions, changes);
    agent
        .env
        .timers()
        .schedule(
            agent.dm.index(),
            agent.dm.nowMillis() + agent.dm.schema().settings().rebootMillis(),
            new AgentTimer.RebootDone());
  }

  /**
   * The bank a plain reboot boots: the one BootFirmwareImage names when a Controller set it to
   * another bank holding an image (TR-181 DeviceInfo.BootFirmwareImage, the alternative to
   * Activate()), else null for the active one.
   */
  static int[] bootBank(AgentCore agent) {
    ObjectNode info = agent.dm.schema().object(Tr181Paths.DEVICE_INFO);
    ObjectNode images = agent.dm.schema().object(Tr181Paths.FIRMWARE_IMAGE);
    ParamNode bootParam = info == null ? null : info.param("BootFirmwareImage");
    if (images == null || bootParam == null) {
      return null;
    }
    String ref = agent.dm.value(bootParam, Instances.ROOT);
    String prefix = Tr181Paths.FIRMWARE_IMAGE_REF;
    if (ref.equals(agent.dm.value(info.param("ActiveFirmwareImage"), Instances.ROOT))
        || !ref.startsWith(prefix)
        || !ref.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
      return null;
    }
    int[] bank = {Integer.parseInt(ref.substring(prefix.length()))};
    return agent.dm.exists(images, bank)
            && agent.dm.value(images.param("Status"), bank).equals("Available")
        ? bank
        : null;
  }

  static boolean bootable(AgentCore agent, int bank) {
    return bank < 1 || bank > 7 || (agent.unbootableBanks & (1 << bank)) == 0;
  }

  static void markBootable(AgentCore agent, int bank, boolean good) {
    if (bank >= 1 && bank <= 7) {
      agent.unbootableBanks =
          (byte)
              (good ? agent.unbootableBanks & ~(1 << bank) : agent.unbootableBanks | (1 << bank));
    }
  }

  /** Boots into a firmware bank; returns whether the running version changed. */
  static boolean switchImage(AgentCore agent, int[] bank, List<Change> changes) {
    ObjectNode images = agent.dm.schema().object(Tr181Paths.FIRMWARE_IMAGE);
    ObjectNode info = agent.dm.schema().object(Tr181Paths.DEVICE_INFO);
    String oldVersion = agent.dm.value(info.param("SoftwareVersion"), Instances.ROOT);
    for (int n : agent.dm.instances(images, Instances.ROOT)) {
      int[] inst = {n};
      if (n != bank[0] && agent.dm.value(images.param("Status"), inst).equals("Active")) {
        internalSet(agent, images.param("Status"), inst, "Available", changes);
      }
    }
    internalSet(agent, images.param("Status"), bank, "Active", changes);
    String ref = images.instancePath(bank);
    ref = ref.substring(0, ref.length() - 1);
    String newVersion = agent.dm.value(images.param("Version"), bank);
    internalSet(agent, info.param("ActiveFirmwareImage"), Instances.ROOT, ref, changes);
    internalSet(agent, info.param("BootFirmwareImage"), Instances.ROOT, ref, changes);
    internalSet(agent, info.param("SoftwareVersion"), Instances.ROOT, newVersion, changes);
    if (!oldVersion.equals(newVersion)) {
      agent.env.stats().firmware(oldVersion, newVersion);
    }
    return !oldVersion.equals(newVersion);
  }

  static void setBank(
      AgentCore agent, int[] bank, String name, String value, List<Change> changes) {
    ObjectNode images = agent.dm.schema().object(Tr181Paths.FIRMWARE_IMAGE);
    if (images != null && agent.dm.exists(images, bank)) {
      internalSet(agent, images.param(name), bank, value, changes);
    }
  }

  /** A value the agent changes itself; subscribers hear of it like of a Set (R-NOT.0a). */
  static void internalSet(
      AgentCore agent, ParamNode p, int[] inst, String value, List<Change> changes) {
    if (p != null && !agent.dm.value(p, inst).equals(value)) {
      agent.dm.set(p, inst, value);
      changes.add(new Change.ValueChanged(p, inst, value));
    }
  }

  /**
   * The end of a Download(): the bank gets the image (Status Available) or DownloadFailed, the
   * Request completes (cmd_failure 7022 on failure), TransferComplete! reports it with FaultCode 0
   * or 7022 and a FaultString (TR-181 LocalAgent.TransferComplete!), and AutoActivate reboots into
   * a good image. A received size differing from FileSize, or a digest differing from CheckSum,
   * fails the download as a real CPE's validation would.
   */
  static void downloadDone(
      AgentCore agent,
      Effect.StartCommand s,
      long startMillis,
      FileTransfers.Outcome outcome,
      Outbox out) {
    String url = s.args().get("URL");
    String error = validate(s, outcome);
    out.lifecycle(AgentLifecycle.DOWNLOADED);
    List<Change> changes = new ArrayList<>(3);
    if (error.isEmpty()) {
      String file = DownloadUrls.fileName(url);
      setBank(agent, s.instances(), "Name", file, changes);
      setBank(agent, s.instances(), "Version", FirmwareVersions.fromFileName(file), changes);
      setBank(agent, s.instances(), "Status", "Available", changes);
      markBootable(
          agent,
          s.instances()[0],
          !DownloadUrls.failsToBoot(
              url, agent.dm.device().seed() * 31 + agent.dm.index() * 7919L + s.requestInstance()));
    } else {
      setBank(agent, s.instances(), "Status", "DownloadFailed", changes);
    }
    NotificationEngine.afterCommit(agent, changes, out);
    long now = agent.dm.nowMillis();
    CommandLifecycle.complete(
        agent,
        error.isEmpty()
            ? Completion.success(s, Map.of())
            : new Completion(
                s.requestInstance(),
                s.command(),
                s.objPath(),
                s.commandKey(),
                Map.of(),
                UspErrorCode.COMMAND_FAILURE,
                "Download failed: " + error),
        out);
    Map<String, String> tc = new LinkedHashMap<>();
    tc.put("Command", s.objPath() + s.command().name());
    tc.put("CommandKey", s.commandKey());
    tc.put("Requestor", s.originator());
    tc.put("TransferType", "Download");
    tc.put("Affected", s.objPath().substring(0, s.objPath().length() - 1));
    tc.put("TransferURL", url);
    tc.put("StartTime", TypedValues.dateTime(startMillis));
    tc.put("CompleteTime", TypedValues.dateTime(now));
    tc.put(
        "FaultCode", error.isEmpty() ? "0" : Integer.toString(UspErrorCode.COMMAND_FAILURE.code()));
    tc.put("FaultString", error);
    ObjectNode localAgent = agent.dm.schema().object(Tr181Paths.LOCAL_AGENT);
    if (localAgent != null) {
      NotificationEngine.publishEvent(
          agent, localAgent, Instances.ROOT, "TransferComplete!", tc, null, out);
    }
    if (error.isEmpty()
        && TypedValues.parseBoolean(s.args().getOrDefault("AutoActivate", "false"))
            == Boolean.TRUE) {
      agent.reboot(BootInfo.of("RemoteReboot", s.commandKey(), s.instances(), List.of()), out);
    }
  }

  /** "" when the transfer is good, else why not. */
  static String validate(Effect.StartCommand s, FileTransfers.Outcome outcome) {
    if (!outcome.ok()) {
      return outcome.error();
    }
    long expected = CommandLifecycle.fileSize(s);
    if (expected > 0 && outcome.bytes() != expected) {
      return "received " + outcome.bytes() + " bytes, FileSize is " + expected;
    }
    String sum = s.args().getOrDefault("CheckSum", "");
    if (!sum.isEmpty()
        && !outcome.checksum().isEmpty()
        && !sum.equalsIgnoreCase(outcome.checksum())) {
      return s.args().getOrDefault("CheckSumAlgorithm", "") + " checksum mismatch";
    }
    return "";
  }
}
