package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Hosts join and leave with time; subscribers hear of each through ObjectCreation/Deletion. */
class HostChurnTest {
  private static final ObjectNode HOSTS =
      AgentHarness.TEST_PROFILE.object("Device.Hosts.Host.{i}.");

  private static List<String> run(AgentHarness h, long minutes) {
    List<String> events = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      long since = h.clock.millis();
      h.advance(60_000);
      h.clearSent();
      h.agent.onTick(since, h.clock.millis(), h.out);
      for (Msg n : h.notifications()) {
        var notify = n.getBody().getRequest().getNotify();
        events.add(
            notify.hasObjCreation()
                ? "+" + notify.getObjCreation().getObjPath()
                : "-" + notify.getObjDeletion().getObjPath());
      }
    }
    return events;
  }

  @Test
  void hostsComeAndGo_andSubscribersAreNotified() {
    AgentHarness h = AgentHarness.booted();
    Subscriptions.add(h, "joins", "ObjectCreation", "Device.Hosts.Host.", "Persistent", "true");
    Subscriptions.add(h, "leaves", "ObjectDeletion", "Device.Hosts.Host.*.", "Persistent", "true");
    TreeSet<Integer> present = new TreeSet<>();
    for (int n : h.agent.dataModel().instances(HOSTS, new int[0])) {
      present.add(n);
    }
    List<String> events = run(h, 12 * 60);
    assertThat(events).hasSizeGreaterThan(8);
    // replaying the notifications over the initial rows gives exactly the rows there are now
    for (String e : events) {
      int n = Integer.parseInt(e.substring("+Device.Hosts.Host.".length(), e.length() - 1));
      if (e.startsWith("+")) {
        assertThat(present.add(n)).as("created twice: " + e).isTrue();
      } else {
        assertThat(present.remove(n)).as("deleted while absent: " + e).isTrue();
      }
    }
    int[] now = h.agent.dataModel().instances(HOSTS, new int[0]);
    assertThat(present).containsExactlyElementsOf(java.util.Arrays.stream(now).boxed().toList());
    assertThat(h.value("Device.Hosts.HostNumberOfEntries")).isEqualTo(Integer.toString(now.length));
    assertThat(now.length).isBetween(0, 8);
  }

  private static AgentHarness subscribed(int index) {
    AgentHarness h = new AgentHarness(AgentHarness.TEST_PROFILE, index);
    h.agent.onConnected(h.out);
    Subscriptions.add(h, "j", "ObjectCreation", "Device.Hosts.Host.");
    Subscriptions.add(h, "l", "ObjectDeletion", "Device.Hosts.Host.*.");
    return h;
  }

  @Test
  void sameSeed_sameChurn_differentAgent_differentChurn() {
    List<String> a = run(subscribed(7), 6 * 60);
    assertThat(a).isNotEmpty();
    assertThat(run(subscribed(7), 6 * 60)).isEqualTo(a);
    assertThat(run(subscribed(8), 6 * 60)).isNotEqualTo(a);
  }

  @Test
  void instanceNumbers_areNeverReused() {
    AgentHarness h = AgentHarness.booted();
    Subscriptions.add(h, "joins", "ObjectCreation", "Device.Hosts.Host.", "Persistent", "true");
    List<String> creations = run(h, 24 * 60);
    assertThat(creations).doesNotHaveDuplicates();
  }
}
