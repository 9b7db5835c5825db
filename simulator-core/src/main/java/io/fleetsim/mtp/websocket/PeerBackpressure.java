package io.fleetsim.mtp.websocket;

import io.fleetsim.mtp.MtpEvents;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what one listener connection may have in flight, by reading from it no more than it is
 * owed; nothing is dropped, the peer's TCP window fills and its sends wait:
 *
 * <ul>
 *   <li>a pace of {@link io.fleetsim.mtp.PeerLimits#recordsPerSecond()} frames a second (a Record,
 *       or a ping: both cost the event loop it shares with other peers), by a generic cell rate
 *       algorithm with one {@code long} of state: up to one second ahead, then reading stops until
 *       it is back within;
 *   <li>answers not taken: while the connection's outbound buffer is over its high-water mark (the
 *       peer does not read the NotifyResp and responses it asked for), reading stops, so a peer
 *       cannot make this process buffer its answers without bound.
 * </ul>
 *
 * Frames already read in the current batch still go through (at most one read buffer's worth).
 */
final class PeerBackpressure extends ChannelInboundHandlerAdapter {
  /** How far ahead of its rate a connection may be: its in-flight allowance. */
  private static final long ALLOWANCE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long intervalNanos;
  private final MtpEvents events;
  private final String overRate;

  /** When the next frame is due at the agreed rate; ahead of now while the peer is ahead. */
  private long due = System.nanoTime();

  private boolean paced;
  private boolean unwritable;

  /**
   * @param perSecond frames a second; 0: no pace (the outbound bound still holds)
   */
  PeerBackpressure(int perSecond, MtpEvents events) {
    this.intervalNanos = perSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
    this.events = events;
    this.overRate = "listener: over " + perSecond + " records/s (reading paused)";
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (intervalNanos > 0 && msg instanceof WebSocketFrame) {
      long now = System.nanoTime();
      if (due - now < 0) {
        due = now; // idle time is not saved up beyond the allowance
      }
      due += intervalNanos;
      long ahead = due - now - ALLOWANCE_NANOS;
      if (ahead > 0 && !paced) {
        paced = true;
        events.count(overRate, ctx.channel().remoteAddress());
        ctx.executor()
            .schedule(
                () -> {
                  paced = false;
                  update(ctx);
                },
                ahead,
                TimeUnit.NANOSECONDS);
        update(ctx);
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    boolean was = unwritable;
    unwritable = !ctx.channel().isWritable();
    if (unwritable && !was) {
      events.count(
          "listener: peer not reading its answers (reading paused)", ctx.channel().remoteAddress());
    }
    update(ctx);
    ctx.fireChannelWritabilityChanged();
  }

  /** Reads while neither reason to wait holds; turning reads back on reads at once. */
  private void update(ChannelHandlerContext ctx) {
    ctx.channel().config().setAutoRead(!paced && !unwritable);
  }
}
