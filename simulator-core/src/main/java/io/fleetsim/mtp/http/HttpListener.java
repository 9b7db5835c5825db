package io.fleetsim.mtp.http;

import io.fleetsim.mtp.ListenException;
import io.fleetsim.mtp.Transports;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * An HTTP/1.1 listening socket on a {@link Transports}' event loops: each connection gets the HTTP
 * codec and a request aggregator bounded to {@code maxRequestBytes} (a larger request is answered
 * 413 by Netty, never buffered), then the caller's handlers. Used by the firmware server and the
 * live dashboard.
 */
public final class HttpListener {
  private HttpListener() {}

  /**
   * Binds {@code listen} (port 0 picks one) and returns the server channel.
   *
   * @param handlers adds the connection's own handlers after the codec and the aggregator
   */
  public static Channel bind(
      Transports transports,
      InetSocketAddress listen,
      int maxRequestBytes,
      Consumer<ChannelPipeline> handlers) {
    return ListenException.await(
        new ServerBootstrap()
            .group(transports.group())
            .channel(transports.serverChannel())
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(maxRequestBytes));
                    handlers.accept(ch.pipeline());
                  }
                })
            .bind(listen),
        listen);
  }
}
