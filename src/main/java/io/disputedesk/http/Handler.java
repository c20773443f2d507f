package io.disputedesk.http;

/** Answers one routed request; bad input should become a 4xx, anything thrown becomes a 500. */
@FunctionalInterface
public interface Handler {
  Response handle(Request request) throws Exception;
}
