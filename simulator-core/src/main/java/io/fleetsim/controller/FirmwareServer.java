package io.fleetsim.controller;

import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.http.HttpListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedInput;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Serves firmware images to agents over HTTP ({@code GET /firmware/NAME}), each a deterministic
 * byte pattern of its configured size streamed from one shared block (no image is held whole), at
 * most {@code bytesPerSecond} per download when set (the way a CPE's access line limits it). Agents
 * really fetch, count and digest the bytes (SHA-256 of each image is published for the Download()
 * CheckSum). In simulate mode nothing listens: {@link #url} hands out {@code simulate://} URLs with
 * the size and rate, and agents only model the transfer time (size / rate), so a rollout over a
 * fleet far larger than the socket limit still takes the time it would.
 */
public final class FirmwareServer implements AutoCloseable {
  /** Every image is served from this path prefix. */
  public static final String PATH = "/firmware/";

  private static final int BLOCK = 64 * 1024;

  /**
   * One image.
   *
   * @param name its file name; agents derive the version from it ({@code fsim-2.0.1.bin} is {@code
   *     2.0.1})
   * @param size bytes
   */
  public record Image(String name, long size) {
    public Image {
      if (name.isEmpty() || name.contains("/") || name.contains("?") || size < 0) {
        throw new IllegalArgumentException("bad firmware image " + name + " of " + size + " bytes");
      }
    }
  }

  private final Map<String, Image> images = new LinkedHashMap<>();

  /** Digests computed on first use: a simulated rollout of a large image need never hash it. */
  private final Map<String, String> sha256 = new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, ByteBuf> blocks = new LinkedHashMap<>();
  private final long bytesPerSecond;
  private final Channel channel;
  private final String base;
  private final LongAdder downloads = new LongAdder();
  private final LongAdder notFound = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final java.util.concurrent.atomic.AtomicLong requests =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile double failPercent;
  private volatile double rollbackPercent;

  private FirmwareServer(
      Transports transports, InetSocketAddress listen, List<Image> list, long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
    for (Image i : list) {
      images.put(i.name(), i);
      ByteBuf block = Unpooled.unreleasableBuffer(pattern(i.name()));
      blocks.put(i.name(), block);
    }
    if (transports == null) {
      if (bytesPerSecond <= 0) {
        throw new IllegalArgumentException("simulated firmware transfers need a rate > 0");
      }
      this.channel = null;
      this.base = "simulate://fleetsim" + PATH;
      return;
    }
    this.channel =
        HttpListener.bind(
            transports,
            listen,
            8 * 1024,
            p -> p.addLast(new ChunkedWriteHandler()).addLast(new Downloads()));
    InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
    this.base = "http://" + bound.getHostString() + ":" + bound.getPort() + PATH;
  }

  /**
   * Listens on {@code listen} (port 0 picks one).
   *
   * @param bytesPerSecond per-download rate limit, or 0 for as fast as loopback goes
   */
  public static FirmwareServer serve(
      Transports transports, InetSocketAddress listen, List<Image> images, long bytesPerSecond) {
    return new FirmwareServer(transports, listen, images, bytesPerSecond);
  }

  /** Simulate mode: no socket; agents model each transfer as size / {@code bytesPerSecond}. */
  public static FirmwareServer simulate(List<Image> images, long bytesPerSecond) {
    return new FirmwareServer(null, null, images, bytesPerSecond);
  }

  /**
   * Fails this share of downloads from now on, the way a flaky CDN or a bad image does: served
   * downloads answer HTTP 503 for a deterministic share of requests, and simulate:// URLs carry
   * {@code fail=PERCENT} so each agent fails by its own seeded draw.
   */
  public void failPercent(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("failure share must be 0..100 %, not " + percent);
    }
    this.failPercent = percent;
  }

  /**
   * Makes this share of the fleet's installs of an image fail to boot from now on, the way a bad
   * release bricks some hardware: URLs carry {@code rollback=PERCENT}, and each agent draws, seeded
   * by itself and the request, when its download lands; a bad image rolls back on Activate().
   */
  public void rollbackPercent(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("rollback share must be 0..100 %, not " + percent);
    }
    this.rollbackPercent = percent;
  }

  /** Served downloads answered 503 by {@link #failPercent}. */
  public long failed() {
    return failed.sum();
  }

  /** True when nothing listens and URLs are simulate:// ones. */
  public boolean simulated() {
    return channel == null;
  }

  /** The Download() URL of an image. */
  public String url(String name) {
    Image i = image(name);
    String rollback = rollbackPercent > 0 ? "rollback=" + rollbackPercent : "";
    if (!simulated()) {
      return base + name + (rollback.isEmpty() ? "" : "?" + rollback);
    }
    return base
        + name
        + "?size="
        + i.size()
        + "&rate="
        + bytesPerSecond
        + (failPercent > 0 ? "&fail=" + failPercent : "")
        + (rollback.isEmpty() ? "" : "&" + rollback);
  }

  public Image image(String name) {
    Image i = images.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no firmware image " + name + "; have " + images.keySet());
    }
    return i;
  }

  /** Lower-case hex SHA-256 of the image's bytes, for the Download() CheckSum. */
  public String sha256(String name) {
    Image image = image(name);
    return sha256.computeIfAbsent(name, n -> digest(blocks.get(n), image.size()));
  }

  /** Downloads started (a GET of a known image). */
  public long downloads() {
    return downloads.sum();
  }

  /** GETs of unknown paths, answered 404. */
  public long notFound() {
    return notFound.sum();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
  }

  /** A uniform draw in [0, 1) from a request number (SplitMix64): repeatable run to run. */
  private static double draw(long n) {
    long z = n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }

  /** The image's repeating block: seeded by its name, so two images differ byte for byte. */
  private static ByteBuf pattern(String name) {
    byte[] b = new byte[BLOCK];
    long x = 0x9E3779B97F4A7C15L ^ name.hashCode();
    for (int i = 0; i < BLOCK; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      b[i] = (byte) x;
    }
    return Unpooled.wrappedBuffer(b).asReadOnly();
  }

  private static String digest(ByteBuf block, long size) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (long left = size; left > 0; left -= BLOCK) {
        md.update(block.nioBuffer(0, (int) Math.min(BLOCK, left)));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /**
   * Streams the image as chunks that are slices of the shared block, paced at the rate: a chunk is
   * handed out only when the bytes sent so far fit in rate × elapsed (plus one block); otherwise
   * readChunk says "not yet" (null) and the transfer resumes when the next chunk is due.
   */
  private static final class ImageInput implements ChunkedInput<ByteBuf> {
    private final ByteBuf block;
    private final long size;
    private final long rate;
    private final ChannelHandlerContext ctx;
    private final long startNanos = System.nanoTime();
    private long sent;
    private boolean resumeScheduled;

    ImageInput(ByteBuf block, long size, long rate, ChannelHandlerContext ctx) {
      this.block = block;
      this.size = size;
      this.rate = rate;
      this.ctx = ctx;
    }

    @Override
    public boolean isEndOfInput() {
      return sent >= size;
    }

    @Override
    public void close() {}

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
      return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) {
      if (isEndOfInput()) {
        return null;
      }
      if (rate > 0) {
        double allowed = (System.nanoTime() - startNanos) / 1e9 * rate + BLOCK;
        if (sent >= allowed) {
          if (!resumeScheduled) {
            resumeScheduled = true;
            long waitNanos = Math.max(1_000_000, (long) ((sent - allowed + 1) / rate * 1e9));
            ChunkedWriteHandler writer = ctx.pipeline().get(ChunkedWriteHandler.class);
            ctx.executor()
                .schedule(
                    () -> {
                      resumeScheduled = false;
                      writer.resumeTransfer();
                    },
                    waitNanos,
                    TimeUnit.NANOSECONDS);
          }
          return null;
        }
      }
      int n = (int) Math.min(BLOCK, size - sent);
      sent += n;
      return block.retainedSlice(0, n);
    }

    @Override
    public long length() {
      return size;
    }

    @Override
    public long progress() {
      return sent;
    }
  }

  private final class Downloads extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      String path = req.uri();
      int q = path.indexOf('?');
      String name =
          path.startsWith(PATH) ? path.substring(PATH.length(), q < 0 ? path.length() : q) : "";
      Image image = images.get(name);
      if (!req.method().equals(HttpMethod.GET)) {
        error(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED);
      } else if (image == null) {
        notFound.increment();
        error(ctx, HttpResponseStatus.NOT_FOUND);
      } else if (failPercent > 0 && draw(requests.getAndIncrement()) * 100 < failPercent) {
        failed.increment();
        error(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE);
      } else {
        downloads.increment();
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
            .set(HttpHeaderNames.CONTENT_LENGTH, image.size())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.write(head);
        ctx.writeAndFlush(
                new HttpChunkedInput(
                    new ImageInput(blocks.get(name), image.size(), bytesPerSecond, ctx)))
            .addListener(ChannelFutureListener.CLOSE);
      }
    }

    private void error(ChannelHandlerContext ctx, HttpResponseStatus status) {
      FullHttpResponse r =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              status,
              Unpooled.copiedBuffer(status.toString() + "\n", StandardCharsets.US_ASCII));
      r.headers()
          .set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes())
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
