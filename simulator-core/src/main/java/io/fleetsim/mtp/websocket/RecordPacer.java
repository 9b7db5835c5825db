package io.fleetsim.mtp.websocket;

import io.fleetsim.mtp.MtpEvents;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.TimeUnit;

/**
 * Paces one listener connection to {@link io.fleetsim.mtp.PeerLimits#recordsPerSecond()} frames a
 * second (a Record, or a ping: both cost the shared event loop): a generic cell rate algorithm with
 * one {@code long} of state. The connection may run up to one second ahead; beyond that reading
 * stops until it is back within, so the sender's TCP window fills and nothing is dropped. Frames
 * already read in the current batch still go through (at most one read buffer's worth).
 */
final class RecordPacer extends ChannelInboundHandlerAdapter {
  /** How far ahead of its rate a connection may be: its in-flight allowance. */
  private static final long ALLOWANCE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long intervalNanos;
  private final MtpEvents events;
  private final String reason;

  /** When the next frame is due at the agreed rate; ahead of now while the peer is ahead. */
  private long due = System.nanoTime();

  private boolean paused;

  RecordPacer(int perSecond, MtpEvents events) {
    this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    this.events = events;
    this.reason = "listener: over " + perSecond + " records/s (reading paused)";
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof WebSocketFrame) {
      long now = System.nanoTime();
      if (due - now < 0) {
        due = now; // idle time is not saved up beyond the allowance
      }
      due += intervalNanos;
      long ahead = due - now - ALLOWANCE_NANOS;
      if (ahead > 0 && !paused) {
        pause(ctx, ahead);
      }
    }
    ctx.fireChannelRead(msg);
  }

  private void pause(ChannelHandlerContext ctx, long nanos) {
    paused = true;
    ctx.channel().config().setAutoRead(false);
    events.count(reason, ctx.channel().remoteAddress());
    ctx.executor()
        .schedule(
            () -> {
              paused = false;
              ctx.channel().config().setAutoRead(true); // reads again at once
            },
            nanos,
            TimeUnit.NANOSECONDS);
  }
}
