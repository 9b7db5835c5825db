package io.fleetsim.dashboard;

import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.http.HttpListener;
import io.fleetsim.report.HtmlReport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The live dashboard of a run over HTTP: {@code /} the page (the report's charts, fed live), {@code
 * /events} Server-Sent Events with the run's snapshot each time the run publishes one (every
 * second), {@code /snapshot.json} the latest snapshot, and {@code /metrics} for Prometheus. Listens
 * on loopback unless told otherwise: it has no authentication.
 */
public final class DashboardServer implements AutoCloseable {
  /** Its own event loop: serving pages and scrapes never delays the fleet's MTP connections. */
  private final Transports transports = Transports.create(1);

  private final Channel channel;
  private final ChannelGroup streams = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final PrometheusMetrics prometheus;
  private final byte[] page;
  private volatile String latest = "{\"live\": true}";
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private DashboardServer(InetSocketAddress listen, String title, PrometheusMetrics prometheus) {
    this.prometheus = prometheus;
    this.page = HtmlReport.livePage(title).getBytes(StandardCharsets.UTF_8);
    this.channel = HttpListener.bind(transports, listen, 8 * 1024, p -> p.addLast(new Routes()));
  }

  /**
   * Listens on {@code listen} (port 0 picks one).
   *
   * @param title the page's title, e.g. the scenario's name
   */
  public static DashboardServer start(
      InetSocketAddress listen, String title, PrometheusMetrics prometheus) {
    return new DashboardServer(listen, title, prometheus);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** The page's URL. */
  public String url() {
    return "http://" + address().getHostString() + ":" + address().getPort() + "/";
  }

  /** Browsers following the run now. */
  public int viewers() {
    return streams.size();
  }

  /**
   * Sends the run's current snapshot (the page's data object) to every open page. A page that has
   * not read the previous one yet (its socket buffer full) skips this one and gets the next: a
   * stalled browser never makes the run buffer snapshots.
   */
  public void publish(String snapshotJson) {
    // SSE: one "data:" line per event; JSON's line breaks are whitespace outside strings
    String json = snapshotJson.replace('\n', ' ');
    latest = json;
    if (streams.isEmpty()) {
      return;
    }
    ByteBuf event = Unpooled.copiedBuffer("data: " + json + "\n\n", StandardCharsets.UTF_8);
    try {
      for (Channel c : streams) {
        if (c.isWritable()) {
          c.writeAndFlush(new DefaultHttpContent(event.retainedDuplicate()));
        }
      }
    } finally {
      event.release();
    }
  }

  /** Ends the streams and stops listening; a second call does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // end each event stream as HTTP says (the last chunk), so a page sees the stream finish, not
    // break, then close
    streams
        .writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
        .awaitUninterruptibly(2, java.util.concurrent.TimeUnit.SECONDS);
    streams.close().awaitUninterruptibly();
    channel.close().syncUninterruptibly();
    transports.close();
  }

  private final class Routes extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      if (!request.method().equals(HttpMethod.GET)) {
        respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", new byte[0]);
        return;
      }
      switch (new QueryStringDecoder(request.uri()).path()) {
        case "/", "/index.html" ->
            respond(ctx, request, HttpResponseStatus.OK, "text/html; charset=utf-8", page);
        case "/metrics" ->
            respond(
                ctx,
                request,
                HttpResponseStatus.OK,
                PrometheusMetrics.contentType(),
                prometheus.scrape());
        case "/snapshot.json" ->
            respond(
                ctx,
                request,
                HttpResponseStatus.OK,
                "application/json",
                latest.getBytes(StandardCharsets.UTF_8));
        case "/events" -> stream(ctx);
        default ->
            respond(
                ctx,
                request,
                HttpResponseStatus.NOT_FOUND,
                "text/plain",
                "not found\n".getBytes(StandardCharsets.UTF_8));
      }
    }

    /** Opens an event stream and sends the latest snapshot at once, so the page fills at load. */
    private void stream(ChannelHandlerContext ctx) {
      HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
      response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
      HttpUtil.setTransferEncodingChunked(response, true);
      ctx.write(response);
      ctx.writeAndFlush(
          new DefaultHttpContent(
              Unpooled.copiedBuffer("data: " + latest + "\n\n", StandardCharsets.UTF_8)));
      streams.add(ctx.channel());
    }

    private void respond(
        ChannelHandlerContext ctx,
        FullHttpRequest request,
        HttpResponseStatus status,
        String type,
        byte[] body) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
      response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
      HttpUtil.setContentLength(response, body.length);
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(response, keepAlive);
      var written = ctx.writeAndFlush(response);
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // a browser gone mid-stream: nothing to tell it
    }
  }
}
