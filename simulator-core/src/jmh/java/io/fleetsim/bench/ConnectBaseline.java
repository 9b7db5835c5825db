package io.fleetsim.bench;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.mtp.websocket.WsServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connect ceiling of this machine without USP, to compare the agents' connect storm with: N
 * plain TCP connects, or N WebSocket handshakes (the same Netty client and server fleetsim uses,
 * {@code v1.usp}, no Records), from one JVM to a server in another, with the same 512 in flight and
 * the same spread over loopback source addresses as {@code fleetsim agents}.
 *
 * <p>Usage: {@code ConnectBaseline server tcp|ws PORT SECONDS} and {@code ConnectBaseline client
 * tcp|ws PORT N [SOURCES]}.
 */
public final class ConnectBaseline {
  private static final int IN_FLIGHT = 512;

  /** Does nothing; one instance for every channel. */
  @io.netty.channel.ChannelHandler.Sharable
  private static final class Idle extends ChannelInboundHandlerAdapter {}

  private static final Idle IDLE = new Idle();

  private ConnectBaseline() {}

  public static void main(String[] args) throws Exception {
    boolean ws = args[1].equals("ws");
    int port = Integer.parseInt(args[2]);
    try (Transports t = Transports.create()) {
      if (args[0].equals("server")) {
        serve(t, ws, port, Integer.parseInt(args[3]));
      } else {
        int n = Integer.parseInt(args[3]);
        int sources = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        long start = System.nanoTime();
        connect(t, ws, port, n, sources);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "{\"mode\": \"%s\", \"connections\": %d, \"seconds\": %.2f, \"connectsPerSecond\": %.0f}%n",
            ws ? "websocket" : "tcp", n, seconds, n / seconds);
      }
    }
  }

  private static void serve(Transports t, boolean ws, int port, int seconds) throws Exception {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    AutoCloseable server;
    if (ws) {
      MtpListener quiet =
          new MtpListener() {
            @Override
            public void onConnected(MtpSession s) {}

            @Override
            public boolean onRecord(MtpSession s, byte[] record) {
              return true;
            }

            @Override
            public void onDisconnected(MtpSession s, String cause) {}
          };
      server = WsServer.bind(t, address, "/usp", 1 << 16, () -> quiet);
    } else {
      Channel ch =
          new ServerBootstrap()
              .group(t.group())
              .channel(t.serverChannel())
              .option(ChannelOption.SO_BACKLOG, 4096)
              .childHandler(IDLE)
              .bind(address)
              .syncUninterruptibly()
              .channel();
      server = () -> ch.close().syncUninterruptibly();
    }
    System.out.println("listening");
    TimeUnit.SECONDS.sleep(seconds);
    server.close();
  }

  /** Connects n times, at most IN_FLIGHT at once; the connections stay open until exit. */
  private static void connect(Transports t, boolean ws, int port, int n, int sources)
      throws InterruptedException {
    List<Channel> held = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(n);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    WsClient client =
        ws ? new WsClient(t, URI.create("ws://127.0.0.1:" + port + "/usp"), 1 << 16, 0) : null;
    Bootstrap tcp = new Bootstrap().group(t.group()).channel(t.socketChannel()).handler(IDLE);
    Runnable[] one = new Runnable[1];
    one[0] =
        () -> {
          int i = next.getAndIncrement();
          if (i >= n) {
            return;
          }
          InetSocketAddress local = new InetSocketAddress("127.0.0." + (1 + i % sources), 0);
          Runnable finished =
              () -> {
                done.countDown();
                one[0].run();
              };
          if (ws) {
            client.connect(
                "baseline-" + i,
                "self::baseline",
                new MtpListener() {
                  @Override
                  public void onConnected(MtpSession s) {
                    finished.run();
                  }

                  @Override
                  public boolean onRecord(MtpSession s, byte[] record) {
                    return true;
                  }

                  @Override
                  public void onDisconnected(MtpSession s, String cause) {
                    failed.incrementAndGet();
                    finished.run();
                  }
                },
                t.group().next(),
                local);
          } else {
            tcp.clone()
                .localAddress(local)
                .connect("127.0.0.1", port)
                .addListener(
                    (ChannelFutureListener)
                        f -> {
                          if (f.isSuccess()) {
                            held.add(f.channel());
                          } else if (failed.incrementAndGet() == 1) {
                            f.cause().printStackTrace();
                          }
                          finished.run();
                        });
          }
        };
    for (int i = 0; i < IN_FLIGHT; i++) {
      one[0].run();
    }
    if (!done.await(120, TimeUnit.SECONDS) || failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " connects failed");
    }
  }
}
