package io.fleetsim.scenario;

/** A scenario that cannot run; the message names the file, line and key. */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }
}
