package io.fleetsim.datamodel;

import java.util.Arrays;
import java.util.List;

/**
 * A table whose rows mirror another's (a profile's {@code follows}): Wi-Fi AssociatedDevice rows
 * and DHCPv4 server leases are the hosts that are present, under the access point or pool they are
 * on. Row {@code n} of the leader appears as row {@code n} under each parent whose {@code
 * parentParams} equal the row's {@code leaderParams} (Host.Layer1Interface = AccessPoint's
 * SSIDReference, Host.Layer3Interface = Pool's Interface). Same instance numbers on both sides, so
 * per-row values (MAC, address) agree and a row comes and goes with its host: computed, never
 * stored.
 *
 * @param leader a table in no other table (Device.Hosts.Host.{i}.)
 * @param leaderParams parameters of the leader compared ...
 * @param parentParams ... with these of the follower's parent object, pairwise
 */
public record Follows(
    ObjectNode leader, List<ParamNode> leaderParams, List<ParamNode> parentParams) {
  private static final int[] ROOT = new int[0];

  public Follows {
    leaderParams = List.copyOf(leaderParams);
    parentParams = List.copyOf(parentParams);
  }

  /** The follower's instance numbers under {@code parentInstances} at {@code atMillis}. */
  int[] instances(AgentDataModel dm, int[] parentInstances, long atMillis) {
    int[] rows = dm.instancesAt(leader, ROOT, atMillis);
    if (leaderParams.isEmpty() || rows.length == 0) {
      return rows;
    }
    String[] wanted = new String[parentParams.size()];
    for (int k = 0; k < wanted.length; k++) {
      wanted[k] = dm.valueAt(parentParams.get(k), parentInstances, atMillis);
    }
    int[] out = new int[rows.length];
    int n = 0;
    int[] row = new int[1];
    for (int r : rows) {
      row[0] = r;
      if (matches(dm, row, wanted, atMillis)) {
        out[n++] = r;
      }
    }
    return n == rows.length ? rows : Arrays.copyOf(out, n);
  }

  private boolean matches(AgentDataModel dm, int[] row, String[] wanted, long atMillis) {
    for (int k = 0; k < wanted.length; k++) {
      if (!wanted[k].equals(dm.valueAt(leaderParams.get(k), row, atMillis))) {
        return false;
      }
    }
    return true;
  }
}
