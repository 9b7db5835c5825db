package io.fleetsim.mtp.mqtt;

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
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;

/**
 * The MQTT MTP client (TR-369 MQTT binding): a thin client on Netty's codec-mqtt per agent
 * connection, not a full client library. One per run; every connect clones one Bootstrap template
 * and shares the {@code @Sharable} encoder.
 */
public final class MqttClient implements Connector {
  private final Bootstrap template;
  private final MqttConfig config;
  private final int maxRecordBytes;
  private final ClientTls tls;
  private final Logins logins;
  private final MtpEvents events;

  public MqttClient(Transports transports, MqttConfig config, int maxRecordBytes) {
    this(transports, config, maxRecordBytes, null);
  }

  /**
   * @param tls the run's client TLS context for mqtts:// (see {@link io.fleetsim.mtp.Tls}); null
   *     for plain MQTT
   */
  public MqttClient(Transports transports, MqttConfig config, int maxRecordBytes, SslContext tls) {
    this(transports, config, maxRecordBytes, ClientTls.of(tls), null);
  }

  /**
   * @param tls the run's client TLS for mqtts:// (null for plain MQTT), per device when each agent
   *     presents its own certificate
   * @param logins each agent's CONNECT user name and password, or null for none
   */
  public MqttClient(
      Transports transports, MqttConfig config, int maxRecordBytes, ClientTls tls, Logins logins) {
    this.tls = tls;
    this.logins = logins;
    this.config = config;
    this.maxRecordBytes = maxRecordBytes;
    this.template = transports.clientTemplate();
    this.events = transports.events();
  }

  @Override
  public void connect(
      DeviceId device,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress) {
    MqttConnectionHandler handler =
        new MqttConnectionHandler(
            config,
            device.eid(),
            controllerId,
            listener,
            events,
            logins == null ? null : logins.forDevice(device));
    ClientConnect.open(
        template,
        loop,
        new InetSocketAddress(config.host(), config.port()),
        localAddress,
        tls,
        device,
        p ->
            p.addLast(MqttEncoder.INSTANCE)
                .addLast(new MqttDecoder(maxRecordBytes + 65_536))
                .addLast(MqttConnectionHandler.NAME, handler),
        listener,
        handler::session);
  }
}
