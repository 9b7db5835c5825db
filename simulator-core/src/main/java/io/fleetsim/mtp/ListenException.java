package io.fleetsim.mtp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.SocketAddress;

/**
 * A listener could not bind: the port is in use, the address is not one of this host's, or binding
 * it needs privileges. Commands print its message as one line and exit 2, instead of a stack trace.
 */
public final class ListenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ListenException(SocketAddress address, Throwable cause) {
    super("cannot listen on " + address + ": " + cause.getMessage(), cause);
  }

  /** Waits for {@code bind} and returns the bound channel, or throws naming {@code address}. */
  public static Channel await(ChannelFuture bind, SocketAddress address) {
    bind.awaitUninterruptibly();
    if (!bind.isSuccess()) {
      throw new ListenException(address, bind.cause());
    }
    return bind.channel();
  }
}
