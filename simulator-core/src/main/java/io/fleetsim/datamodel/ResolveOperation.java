package io.fleetsim.datamodel;

import io.fleetsim.usp.message.UspErrorCode;

/**
 * What a path is resolved for; decides how an addressed instance that does not exist is answered
 * (obuspa's resolver takes the same kind of argument).
 */
public enum ResolveOperation {
  /** R-GET.0: a non-search path missing from the instantiated model is 7026. */
  GET(UspErrorCode.INVALID_PATH),
  /** Set on a missing instance: 7016. */
  SET(UspErrorCode.OBJECT_DOES_NOT_EXIST),
  /** Add under a missing parent instance: 7016. */
  ADD(UspErrorCode.OBJECT_DOES_NOT_EXIST),
  /** R-DEL.2a: a valid path to a missing instance deletes nothing and succeeds. */
  DELETE(null),
  /** Operate on a missing instance: 7016. */
  OPERATE(UspErrorCode.OBJECT_DOES_NOT_EXIST),
  /** GetInstances on a missing instance: 7016. */
  INSTANCES(UspErrorCode.OBJECT_DOES_NOT_EXIST),
  /** Subscription ReferenceList matching: a missing instance just matches nothing. */
  SUBSCRIPTION(null);

  private final UspErrorCode missingInstance;

  ResolveOperation(UspErrorCode missingInstance) {
    this.missingInstance = missingInstance;
  }

  /**
   * The error for an addressed (non-search) instance that does not exist; null means "no match".
   */
  public UspErrorCode missingInstance() {
    return missingInstance;
  }
}
