package io.disputedesk.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One thing a rule does to a dispute, in the order the config file lists them. */
public sealed interface RuleStep {
  /** The step's word in the config file and in {@code /disputes rules}. */
  String word();

  /**
   * Make {@code userId} the owner, or whoever's turn it is among the members of {@code groupId}.
   */
  record Assign(String userId, String groupId) implements RuleStep {
    public Assign {
      if ((userId == null) == (groupId == null)) {
        throw new IllegalArgumentException("assign names a person or a user group");
      }
    }

    public boolean roundRobin() {
      return groupId != null;
    }

    @Override
    public String word() {
      return "assign";
    }
  }

  /** Send the buyer a message from {@code template}, its placeholders filled in. */
  record SendMessage(String template) implements RuleStep {
    public SendMessage {
      Objects.requireNonNull(template, "template");
    }

    @Override
    public String word() {
      return "message";
    }
  }

  /**
   * Accept the claim with a full refund, when the amount is at most the limit of its currency (a
   * currency not listed is never accepted); chargebacks and pre-arbitration only when allowed.
   */
  record AcceptClaim(Map<String, BigDecimal> limits, boolean allowChargebacks) implements RuleStep {
    public AcceptClaim {
      limits = Map.copyOf(new TreeMap<>(limits));
      if (limits.isEmpty()) {
        throw new IllegalArgumentException("accept needs a limit for at least one currency");
      }
    }

    /** True when {@code amount} in {@code currency} is within this step's limit. */
    public boolean within(BigDecimal amount, String currency) {
      BigDecimal limit = currency == null ? null : limits.get(currency);
      return limit != null && amount != null && amount.compareTo(limit) <= 0;
    }

    @Override
    public String word() {
      return "accept";
    }
  }

  /** Mention a person ({@code U…}) or a user group ({@code S…}) in the dispute's thread. */
  record Mention(String id) implements RuleStep {
    public Mention {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String word() {
      return "mention";
    }
  }
}
