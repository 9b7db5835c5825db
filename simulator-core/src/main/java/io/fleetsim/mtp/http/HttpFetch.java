package io.fleetsim.mtp.http;

import io.fleetsim.mtp.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fetches one file over HTTP/1.1 (GET, one connection per transfer, closed after it) on the run's
 * shared event loops, streaming: the body is counted and optionally digested as it arrives, never
 * held, so thousands of agents can download a large image at once. One instance per run (one
 * Bootstrap template, one TLS context for https://).
 */
public final class HttpFetch {
  /** A transfer that receives nothing for this long fails. */
  static final int READ_TIMEOUT_SECONDS = 60;

  /**
   * How a fetch ended.
   *
   * @param status the HTTP status, or 0 when no response came
   * @param bytes body bytes received
   * @param checksum lower-case hex digest of the body, or "" when none was asked for
   * @param error "" on a complete 2xx response, else why not
   */
  public record Result(int status, long bytes, String checksum, String error) {}

  private final Bootstrap template;
  private final SslContext tls;

  /**
   * @param tls client context for https:// URLs, or null to refuse them
   */
  public HttpFetch(Transports transports, SslContext tls) {
    this.tls = tls;
    this.template = transports.clientTemplate();
  }

  /**
   * GETs {@code url}; {@code done} is called exactly once on an event loop thread.
   *
   * @param digestAlgorithm a JDK MessageDigest name ({@code SHA-256}, …) or "" for none
   */
  public void get(String url, String digestAlgorithm, Consumer<Result> done) {
    URI uri;
    MessageDigest digest;
    try {
      uri = URI.create(url);
      digest = digestAlgorithm.isEmpty() ? null : MessageDigest.getInstance(digestAlgorithm);
    } catch (IllegalArgumentException e) {
      done.accept(new Result(0, 0, "", "bad URL: " + e.getMessage()));
      return;
    } catch (NoSuchAlgorithmException e) {
      done.accept(new Result(0, 0, "", "unsupported checksum algorithm " + digestAlgorithm));
      return;
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    if (!https && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      done.accept(new Result(0, 0, "", "not an http(s) URL: " + url));
      return;
    }
    if (https && tls == null) {
      done.accept(new Result(0, 0, "", "https is not configured"));
      return;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    Transfer transfer = new Transfer(digest, done);
    template
        .clone()
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                if (https) {
                  ch.pipeline().addLast(tls.newHandler(ch.alloc(), uri.getHost(), port));
                }
                ch.pipeline()
                    .addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .addLast(new HttpClientCodec())
                    .addLast(transfer);
              }
            })
        .connect(uri.getHost(), port)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess()) {
                    transfer.finish(0, "cannot connect: " + f.cause().getMessage());
                    return;
                  }
                  String path =
                      uri.getRawPath() == null || uri.getRawPath().isEmpty()
                          ? "/"
                          : uri.getRawPath();
                  if (uri.getRawQuery() != null) {
                    path += "?" + uri.getRawQuery();
                  }
                  DefaultFullHttpRequest request =
                      new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
                  request
                      .headers()
                      .set(HttpHeaderNames.HOST, uri.getHost() + ":" + port)
                      .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                      .set(HttpHeaderNames.USER_AGENT, "fleetsim");
                  f.channel().writeAndFlush(request);
                });
  }

  /** One transfer's state, on its channel's event loop. */
  private static final class Transfer extends SimpleChannelInboundHandler<HttpObject> {
    private final MessageDigest digest;
    private final Consumer<Result> done;
    private int status;
    private long bytes;
    private long expected = -1;
    private boolean finished;

    Transfer(MessageDigest digest, Consumer<Result> done) {
      this.digest = digest;
      this.done = done;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (msg instanceof HttpResponse r) {
        status = r.status().code();
        expected = HttpUtil.getContentLength(r, -1L);
        if (r.status().codeClass() != HttpStatusClass.SUCCESS) {
          finish(status, "HTTP " + r.status());
          ctx.close();
          return;
        }
      }
      if (msg instanceof HttpContent c && !finished) {
        ByteBuf body = c.content();
        bytes += body.readableBytes();
        if (digest != null) {
          digest.update(body.nioBuffer());
        }
        if (msg instanceof LastHttpContent) {
          finish(
              status,
              expected >= 0 && bytes != expected
                  ? "received " + bytes + " of " + expected + " bytes"
                  : "");
          ctx.close();
        }
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      finish(status, "connection closed after " + bytes + " bytes");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      finish(
          status,
          cause instanceof ReadTimeoutException
              ? "no data for " + READ_TIMEOUT_SECONDS + " s"
              : String.valueOf(cause.getMessage()));
      ctx.close();
    }

    void finish(int status, String error) {
      if (!finished) {
        finished = true;
        String sum =
            digest != null && error.isEmpty() ? HexFormat.of().formatHex(digest.digest()) : "";
        done.accept(new Result(status, bytes, sum, error));
      }
    }
  }
}
