package io.fleetsim.usp.record;

/**
 * Why an incoming USP Record was dropped. Each value is a counter key: drops are counted by reason
 * and logged once, never thrown (R-MTP.5).
 */
public enum RecordDropReason {
  /** The bytes are not a protobuf Record (TR-369 R-MTP.5; WebSocket closes with 1003, R-WS.16). */
  UNPARSEABLE,
  /** The Record is larger than the configured maximum (obuspa's MAX_USP_MSG_LEN is 5 MiB). */
  OVERSIZED,
  /** More than one member of the record_type oneof was on the wire (R-ENC.4). */
  SEVERAL_RECORD_TYPES,
  /** No record_type member at all. */
  NO_RECORD_TYPE,
  /** version, to_id or from_id missing (R-E2E.26). */
  MISSING_HEADER_FIELD,
  /** A no_session_context Record with an empty payload (R-E2E.26). */
  EMPTY_PAYLOAD,
  /** to_id is not this agent's endpoint ID (R-E2E.1, TP-469 2.2). */
  WRONG_TO_ID,
  /** from_id is this agent's own endpoint ID (TP-469 2.1). */
  FROM_SELF,
  /** from_id is not a configured Controller EndpointID (R-SEC.0). */
  UNKNOWN_CONTROLLER,
  /** The Msg inside the Record could not be decoded and no msg_id could be extracted. */
  UNPARSEABLE_MSG,
  /** A Response or Error other than NotifyResp: agents ignore them (TR-369 USP Record). */
  UNEXPECTED_RESPONSE,
  /** A NotifyResp whose msg_id matches no pending Notify. */
  UNMATCHED_NOTIFY_RESP,
  /** A session_context Record; refused with a Disconnect 7106 (R-E2E.6a). */
  SESSION_CONTEXT_REFUSED,
  /** A duplicate request arriving before the first was answered (R-MSG.4). */
  DUPLICATE_REQUEST,
  /** Records received while the agent is not running (booting or rebooting). */
  AGENT_OFFLINE
}
