package io.fleetsim.mtp.websocket;

import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.PeerLimits;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A listener's limits on one connection ({@link PeerLimits}): a hard deadline from accept to the
 * end of the WebSocket upgrade (a peer trickling bytes cannot stretch it), then an idle timeout
 * while the session is up. It sits after the upgrade handler, which announces the handshake's end
 * to the handlers behind it; the idle timer goes first in the pipeline so every byte counts.
 */
final class PeerGuard extends ChannelInboundHandlerAdapter {
  private final PeerLimits limits;
  private final MtpEvents events;
  private ScheduledFuture<?> deadline;
  private boolean upgraded;

  PeerGuard(PeerLimits limits, MtpEvents events) {
    this.limits = limits;
    this.events = events;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    deadline =
        ctx.executor()
            .schedule(
                () -> {
                  events.count("listener: handshake timeout", ctx.channel().remoteAddress());
                  ctx.close();
                },
                limits.handshakeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete && !upgraded) {
      upgraded = true;
      deadline.cancel(false);
      deadline = null; // kept, the cancelled task would stay for the connection's life
      long idle = limits.idleTimeout().toMillis();
      if (idle > 0) {
        ctx.pipeline().addFirst(new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS));
      }
    } else if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE) {
      // not silent when this side stopped reading it (PeerBackpressure): its bytes wait in TCP
      if (!ctx.channel().config().isAutoRead()) {
        return;
      }
      events.count("listener: idle timeout", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (deadline != null) {
      deadline.cancel(false);
    }
    ctx.fireChannelInactive();
  }
}
