package io.fleetsim.agent;

import java.util.function.Consumer;

/**
 * How agents really fetch a file (firmware {@code Download()} over http:// or https://), shared by
 * the fleet. The agent package stays free of network code: the fleet plugs in an implementation
 * (see {@code io.fleetsim.fleet.HttpFileTransfers}); without one, agents model the transfer time
 * instead (the profile's {@code download-time}, or a {@code simulate://} URL).
 */
public interface FileTransfers {

  /**
   * The result of one transfer.
   *
   * @param bytes body bytes received
   * @param checksum lower-case hex digest of the body with the requested algorithm, or "" when none
   *     was requested
   * @param error why it failed ("" on success): status, refused connection, cut short, timeout
   */
  record Outcome(long bytes, String checksum, String error) {
    public boolean ok() {
      return error.isEmpty();
    }

    public static Outcome failed(String error) {
      return new Outcome(0, "", error);
    }
  }

  /**
   * Starts fetching {@code url}; {@code done} is called exactly once, on any thread.
   *
   * @param checksumAlgorithm a TR-181 CheckSumAlgorithm ({@code SHA-256}, …) to digest the body
   *     with, or "" for none
   */
  void download(String url, String checksumAlgorithm, Consumer<Outcome> done);

  /** No network: http(s) downloads are modelled by the profile's download time. */
  FileTransfers NONE =
      (url, algorithm, done) -> {
        throw new UnsupportedOperationException("no file transfers in this fleet");
      };
}
