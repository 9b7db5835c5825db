package io.fleetsim.mtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The one event loop group a run shares for a transport: native epoll on Linux, NIO elsewhere
 * (Gatling's Transports). Closing it closes every connection made with it.
 */
public final class Transports implements AutoCloseable {
  private final MultiThreadIoEventLoopGroup group;
  private final boolean epoll;
  private final PeerLimits limits;
  private final MtpEvents events = new MtpEvents();

  private Transports(int threads, boolean epoll, PeerLimits limits) {
    this.epoll = epoll;
    this.limits = limits;
    IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(threads, factory);
  }

  /** One thread per core, epoll when the native library loads. */
  public static Transports create() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  public static Transports create(int threads) {
    return create(threads, PeerLimits.DEFAULTS);
  }

  /** With {@code limits} on every listener made with these transports. */
  public static Transports create(int threads, PeerLimits limits) {
    return new Transports(threads, Epoll.isAvailable(), limits);
  }

  /** What listeners grant a peer. */
  public PeerLimits limits() {
    return limits;
  }

  /** Refused handshakes, timeouts and forbidden frames, counted for the process. */
  public MtpEvents events() {
    return events;
  }

  public MultiThreadIoEventLoopGroup group() {
    return group;
  }

  public Class<? extends SocketChannel> socketChannel() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  public Class<? extends ServerChannel> serverChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /**
   * The client Bootstrap every outgoing connection of the run is cloned from: this group and
   * channel class, TCP_NODELAY, a 10 s connect timeout. Callers add their handler per connection.
   */
  public Bootstrap clientTemplate() {
    return new Bootstrap()
        .group(group)
        .channel(socketChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
  }

  /** True when the native epoll transport is in use. */
  public boolean nativeTransport() {
    return epoll;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
