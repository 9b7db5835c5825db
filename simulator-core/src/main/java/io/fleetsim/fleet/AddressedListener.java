package io.fleetsim.fleet;

import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;

/**
 * The agent as the MTP hears it, with the address a Controller configured for it (TP-469 6.10):
 * made for a connect only when the agent has one, so other agents pay nothing.
 */
record AddressedListener(MtpListener agent, String ownAddress) implements MtpListener {
  @Override
  public void onConnected(MtpSession session) {
    agent.onConnected(session);
  }

  @Override
  public boolean onRecord(MtpSession session, byte[] record) {
    return agent.onRecord(session, record);
  }

  @Override
  public void onDisconnected(MtpSession session, String cause) {
    agent.onDisconnected(session, cause);
  }

  @Override
  public void onConnectFailed(MtpSession session, ConnectFailure failure, String detail) {
    agent.onConnectFailed(session, failure, detail);
  }
}
