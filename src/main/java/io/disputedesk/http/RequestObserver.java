package io.disputedesk.http;

/** Told about every finished request, for metrics. */
@FunctionalInterface
public interface RequestObserver {
  RequestObserver NONE = (route, status, nanos) -> {};

  /**
   * @param route the registered path (prefix routes end in {@code *}), or {@code "unmatched"}
   * @param nanos time from receiving the request's headers to handing its answer to the server
   */
  void observe(String route, int status, long nanos);
}
