package io.fleetsim.mtp.stomp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.stomp.StompSubframe;
import io.netty.util.ReferenceCountUtil;

/**
 * Between Netty's STOMP decoder and aggregator: a subframe the decoder could not parse (a header
 * line without a colon, a negative content-length) becomes a {@link CorruptedFrameException}. The
 * aggregator would otherwise hand it on as a good frame without its headers. Stateless.
 */
@ChannelHandler.Sharable
final class BadFrameGuard extends ChannelInboundHandlerAdapter {
  static final BadFrameGuard INSTANCE = new BadFrameGuard();

  private BadFrameGuard() {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof StompSubframe f && f.decoderResult().isFailure()) {
      DecoderResult r = f.decoderResult();
      ReferenceCountUtil.release(msg);
      ctx.fireExceptionCaught(new CorruptedFrameException(r.cause().getMessage(), r.cause()));
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
