package dev.nines.notify;

/** How an outbound message travels. */
public enum Transport {
  /** An HTTP POST of {@code body} to {@code target} with {@code headers}. */
  HTTP_POST,
  /** An email to {@code target} (comma-separated addresses) over SMTP. */
  SMTP
}
