package io.fleetsim.datamodel;

/** A profile that cannot be used; the message names the file, line and key at fault. */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProfileException(String message) {
    super(message);
  }
}
