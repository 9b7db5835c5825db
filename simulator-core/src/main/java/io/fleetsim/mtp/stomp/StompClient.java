package io.fleetsim.mtp.stomp;

import io.fleetsim.identity.DeviceId;
import io.fleetsim.identity.Logins;
import io.fleetsim.mtp.ClientConnect;
import io.fleetsim.mtp.ClientTls;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.stomp.StompSubframeAggregator;
import io.netty.handler.codec.stomp.StompSubframeDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;

/**
 * The STOMP MTP client (TR-369 STOMP binding) on Netty's codec-stomp: one connection per agent on
 * its event loop, as the other MTPs; every connect clones one Bootstrap template. The decoder's
 * line limit and the aggregator's body limit come from the {@link StompConfig}.
 */
public final class StompClient implements Connector {
  static final String DECODER = "stomp-decoder";

  /** Netty's decoder hands the body on in chunks of this size; the aggregator joins them. */
  private static final int CHUNK_BYTES = 8_192;

  private final Bootstrap template;
  private final StompConfig config;
  private final ClientTls tls;
  private final Logins logins;
  private final MtpEvents events;
  private final StompHeartbeats heartbeats;

  /**
   * @param tls the run's client TLS context for stomps:// (see {@link io.fleetsim.mtp.Tls}); null
   *     for plain STOMP
   */
  public StompClient(Transports transports, StompConfig config, SslContext tls) {
    this(transports, config, ClientTls.of(tls), null);
  }

  /**
   * @param tls the run's client TLS for stomps:// (null for plain STOMP), per device when each
   *     agent presents its own certificate
   * @param logins each agent's login and passcode (replacing the URL's), or null for the URL's
   */
  public StompClient(Transports transports, StompConfig config, ClientTls tls, Logins logins) {
    this.config = config;
    this.tls = tls;
    this.logins = logins;
    this.template = transports.clientTemplate();
    this.events = transports.events();
    this.heartbeats = new StompHeartbeats(config);
  }

  @Override
  public void connect(
      DeviceId device,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress) {
    StompConnectionHandler handler =
        new StompConnectionHandler(
            config,
            device.eid(),
            controllerId,
            listener,
            events,
            heartbeats,
            logins == null ? null : logins.forDevice(device));
    ClientConnect.open(
        template,
        loop,
        new InetSocketAddress(config.host(), config.port()),
        localAddress,
        tls,
        device,
        p ->
            p.addLast(DECODER, new StompSubframeDecoder(config.maxLineBytes(), CHUNK_BYTES, true))
                .addLast(BadFrameGuard.INSTANCE)
                .addLast(new StompSubframeAggregator(config.maxFrameBytes()))
                .addLast(SharedStompEncoder.INSTANCE)
                .addLast(StompConnectionHandler.NAME, handler),
        listener,
        handler::session);
  }
}
