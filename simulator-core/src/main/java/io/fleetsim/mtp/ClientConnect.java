package io.fleetsim.mtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a broker MTP client (MQTT, STOMP) opens one agent's connection: a clone of the run's
 * Bootstrap on the agent's loop, TLS first when the target asks for it, then the MTP's own
 * handlers; a connect that fails before any handler runs is reported to the listener by kind.
 */
public final class ClientConnect {
  private ClientConnect() {}

  /**
   * @param tls the client TLS context, or null for plain TCP
   * @param handlers adds the MTP's codec and connection handler after TLS
   * @param session the session to report a failed connect with
   */
  public static void open(
      Bootstrap template,
      EventLoop loop,
      InetSocketAddress to,
      InetSocketAddress localAddress,
      SslContext tls,
      Consumer<ChannelPipeline> handlers,
      MtpListener listener,
      Function<Channel, MtpSession> session) {
    ChannelFuture f =
        template
            .clone(loop)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (tls != null) {
                      ch.pipeline()
                          .addLast(tls.newHandler(ch.alloc(), to.getHostString(), to.getPort()));
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
