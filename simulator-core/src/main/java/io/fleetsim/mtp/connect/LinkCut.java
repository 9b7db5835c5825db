package io.fleetsim.mtp.connect;

import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.Connector;
import java.time.Duration;

/**
 * The fleet's own network link, which a scenario may cut (the {@code network-outage} incident):
 * while it is cut, every connect of the connectors it wraps fails at once as {@link
 * ConnectFailure#NETWORK_CUT}, whatever the target, so the agents back off along their TR-369 retry
 * wait as they would behind a dead access network. One per run; nothing per agent.
 */
public final class LinkCut {
  /** Until when the link is cut: no later than now until a cut. */
  private volatile long cutUntilNanos = System.nanoTime();

  /** Cuts the link from now for {@code length}. */
  public void cut(Duration length) {
    cutUntilNanos = System.nanoTime() + length.toNanos();
  }

  /** Whether the link is cut now. */
  public boolean isCut() {
    return System.nanoTime() - cutUntilNanos < 0;
  }

  /** {@code inner}, failing its connects while the link is cut. */
  public Connector over(Connector inner) {
    return (device, controllerId, listener, loop, localAddress) -> {
      if (isCut()) {
        loop.execute(
            () ->
                listener.onConnectFailed(
                    null, ConnectFailure.NETWORK_CUT, "the fleet's network is cut"));
      } else {
        inner.connect(device, controllerId, listener, loop, localAddress);
      }
    };
  }
}
