package io.fleetsim.mtp;

import io.fleetsim.identity.DeviceId;
import io.fleetsim.identity.IdentityException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How an MTP client (WebSocket, MQTT, STOMP) opens one agent's connection: a clone of the run's
 * Bootstrap on the agent's loop, TLS first when the target asks for it (with the device's own
 * certificate when the run has client identities), then the MTP's own handlers; a connect that
 * fails before any handler runs is reported to the listener by kind.
 */
public final class ClientConnect {
  private ClientConnect() {}

  /**
   * @param tls the client TLS of the run, or null for plain TCP
   * @param device who connects (its certificate, when each device has one)
   * @param handlers adds the MTP's codec and connection handler after TLS
   * @param session the session to report a failed connect with
   */
  public static void open(
      Bootstrap template,
      EventLoop loop,
      InetSocketAddress to,
      InetSocketAddress localAddress,
      ClientTls tls,
      DeviceId device,
      Consumer<ChannelPipeline> handlers,
      MtpListener listener,
      Function<Channel, MtpSession> session) {
    ClientTls.Layer layer;
    try {
      layer = tls == null ? null : tls.forDevice(device);
    } catch (IdentityException e) {
      listener.onConnectFailed(null, ConnectFailure.IDENTITY, e.getMessage());
      return;
    }
    ChannelFuture f =
        template
            .clone(loop)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (layer != null) {
                      ch.pipeline()
                          .addLast(layer.newHandler(ch.alloc(), to.getHostString(), to.getPort()));
                    }
                    handlers.accept(ch.pipeline());
                  }
                })
            .connect(to, localAddress);
    f.addListener(
        done -> {
          if (!done.isSuccess()) {
            listener.onConnectFailed(
                session.apply(f.channel()),
                ConnectFailure.of(done.cause()),
                ConnectFailure.detail(done.cause()));
          }
        });
  }
}
