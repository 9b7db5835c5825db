package io.fleetsim.mtp;

/**
 * One peer reached through a shared broker connection (an MQTT reply-to topic, a STOMP
 * reply-to-dest), fixed when its Record arrived. Closing it leaves the connection up, since other
 * peers share it.
 */
public record BrokerRoute(BrokerSession over, String address) implements MtpSession {

  /** A broker connection: sends to any address on it. */
  public interface BrokerSession extends MtpSession {
    /** Sends one Record to {@code address} with this side's reply-to; false when gone. */
    boolean sendTo(String address, byte[] record);

    @Override
    default MtpSession routeTo(String address) {
      return new BrokerRoute(this, address);
    }
  }

  @Override
  public MtpSession connection() {
    return over;
  }

  @Override
  public boolean send(byte[] record) {
    return over.sendTo(address, record);
  }

  @Override
  public void close(int status, String reason) {}

  @Override
  public String peerEndpointId() {
    return "";
  }

  @Override
  public byte[] connectRecord(String toId, String fromId) {
    return over.connectRecord(toId, fromId);
  }

  @Override
  public MtpSession routeTo(String other) {
    return over.routeTo(other);
  }
}
