package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Web API method: returns the fields after {@code "ok":true}, or throws {@link MethodError}.
 */
@FunctionalInterface
interface Method {
  ObjectNode call(ApiCall call);
}
