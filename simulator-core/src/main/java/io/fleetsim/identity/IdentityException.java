package io.fleetsim.identity;

/** A device has no usable client identity (no stored certificate, or one that cannot be made). */
public final class IdentityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdentityException(String message, Throwable cause) {
    super(message, cause);
  }
}
