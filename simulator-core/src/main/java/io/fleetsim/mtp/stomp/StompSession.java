package io.fleetsim.mtp.stomp;

import io.fleetsim.mtp.BrokerRoute;
import io.fleetsim.usp.message.UspMessages;
import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;

/** The USP view of one STOMP connection: each Record one SEND, with this side's reply-to-dest. */
final class StompSession implements BrokerRoute.BrokerSession {
  /** How long a DISCONNECT waits for its RECEIPT before the socket is closed anyway. */
  static final long DISCONNECT_GRACE_MS = 1_000;

  private final Channel channel;
  private final StompConnectionHandler owner;
  private final StompConfig config;
  private final String peerId;

  StompSession(Channel channel, StompConnectionHandler owner, StompConfig config, String peerId) {
    this.channel = channel;
    this.owner = owner;
    this.config = config;
    this.peerId = peerId;
  }

  @Override
  public String addressFromServer() {
    return owner.fromServer() ? owner.ownDestination() : "";
  }

  @Override
  public void resubscribe(String address) {
    owner.resubscribe(address);
  }

  @Override
  public boolean send(byte[] record) {
    return sendTo(config.peerDestination(), record);
  }

  @Override
  public boolean sendTo(String destination, byte[] record) {
    if (!channel.isActive()) {
      return false;
    }
    owner.wrote();
    channel.writeAndFlush(
        StompFrames.send(destination, owner.ownDestination(), record), channel.voidPromise());
    return true;
  }

  @Override
  public void close(int status, String reason) {
    if (!channel.isActive()) {
      return;
    }
    if (status == 1006) { // a cut link goes without a word (as on the WebSocket)
      channel.close();
      return;
    }
    // closed on the broker's RECEIPT (StompConnectionHandler), or after a grace if none comes
    channel.writeAndFlush(StompFrames.disconnect());
    channel.eventLoop().schedule(() -> channel.close(), DISCONNECT_GRACE_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public String peerEndpointId() {
    return peerId;
  }

  @Override
  public byte[] connectRecord(String toId, String fromId) {
    return UspMessages.encodeStompConnect(toId, fromId, owner.ownDestination());
  }

  @Override
  public String remoteAddress() {
    return String.valueOf(channel.remoteAddress());
  }
}
