package io.disputedesk.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PayPalSimulator} behaves: the credentials and webhook id it accepts, its clock,
 * token lifetime, whether the sandbox-only links are offered, its port (0 = random) and how long a
 * hung request is held before its connection is dropped.
 */
public record SimulatorOptions(
    String clientId,
    String clientSecret,
    String webhookId,
    Clock clock,
    Duration tokenLifetime,
    boolean sandboxLinks,
    int port,
    Duration hangTimeout,
    long seed) {

  public SimulatorOptions {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    Objects.requireNonNull(hangTimeout, "hangTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
  }

  /**
   * Test credentials, webhook id {@code 1JE4291016473214C}, 9-hour tokens, sandbox links off,
   * random port.
   */
  public static SimulatorOptions defaults(Clock clock) {
    return new SimulatorOptions(
        "sim-client-id",
        "sim-client-secret",
        "1JE4291016473214C",
        clock,
        Duration.ofSeconds(32400),
        false,
        0,
        Duration.ofSeconds(30),
        20261127L);
  }

  public SimulatorOptions withCredentials(String id, String secret) {
    return new SimulatorOptions(
        id, secret, webhookId, clock, tokenLifetime, sandboxLinks, port, hangTimeout, seed);
  }

  public SimulatorOptions withWebhookId(String id) {
    return new SimulatorOptions(
        clientId, clientSecret, id, clock, tokenLifetime, sandboxLinks, port, hangTimeout, seed);
  }

  public SimulatorOptions withTokenLifetime(Duration lifetime) {
    return new SimulatorOptions(
        clientId, clientSecret, webhookId, clock, lifetime, sandboxLinks, port, hangTimeout, seed);
  }

  public SimulatorOptions withSandboxLinks(boolean on) {
    return new SimulatorOptions(
        clientId, clientSecret, webhookId, clock, tokenLifetime, on, port, hangTimeout, seed);
  }

  public SimulatorOptions withPort(int p) {
    return new SimulatorOptions(
        clientId,
        clientSecret,
        webhookId,
        clock,
        tokenLifetime,
        sandboxLinks,
        p,
        hangTimeout,
        seed);
  }

  public SimulatorOptions withHangTimeout(Duration timeout) {
    return new SimulatorOptions(
        clientId, clientSecret, webhookId, clock, tokenLifetime, sandboxLinks, port, timeout, seed);
  }

  /** Seed for the generated ids (dispute, transaction, token); the same seed gives the same ids. */
  public SimulatorOptions withSeed(long s) {
    return new SimulatorOptions(
        clientId,
        clientSecret,
        webhookId,
        clock,
        tokenLifetime,
        sandboxLinks,
        port,
        hangTimeout,
        s);
  }

  @Override
  public String toString() {
    return "SimulatorOptions[clientId="
        + clientId
        + ", clientSecret=***, webhookId="
        + webhookId
        + ", tokenLifetime="
        + tokenLifetime
        + ", sandboxLinks="
        + sandboxLinks
        + ", port="
        + port
        + "]";
  }
}
