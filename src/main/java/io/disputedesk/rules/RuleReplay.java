package io.disputedesk.rules;

import io.disputedesk.actions.ActionIntent;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.paypal.Party;
import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a rule over the disputes stored for a past period without doing anything: which of them its
 * triggers and filter would have taken, what each step would have done, the refunds it would have
 * made per currency; and beside that what people actually did (the audit log, rule actions left
 * out) and how the disputes ended. Trigger occurrences are read from what each stored dispute
 * shows: its creation, the buyer's messages, a stage past inquiry, a status change, a deadline. The
 * rule's filter is judged on each dispute as it is stored now, not as it was at the trigger (the
 * answer says so).
 */
public final class RuleReplay {
  private static final Pattern ACTION_ID = Pattern.compile("#(\\d+) .*");

  private final Database db;
  private final DisputeStore disputes;
  private final AuditLog audit;
  private final ActionStore actions;
  private final Planner planner;

  RuleReplay(Database db, DisputeStore disputes, ActionStore actions, Planner planner) {
    this.db = db;
    this.disputes = disputes;
    this.audit = new AuditLog(db);
    this.actions = actions;
    this.planner = planner;
  }

  /** The replay of {@code engine}'s rules on the disputes it stores. */
  public static RuleReplay of(RuleEngine engine) {
    return new RuleReplay(engine.db(), engine.disputes(), engine.ledger(), engine.planner());
  }

  /**
   * What {@code rule} would have done on the disputes stored since {@code from}, beside what was
   * done.
   */
  public ReplayResult replay(RuleSettings rule, Instant from) {
    ReplayResult out = new ReplayResult();
    Rotation rotation = Rotation.inMemory();
    for (String id : candidates(from)) {
      Optional<StoredDispute> found = disputes.find(id);
      if (found.isEmpty()) {
        continue;
      }
      out.looked++;
      StoredDispute stored = found.get();
      int occurrences = occurrences(rule, stored.dispute(), from);
      if (occurrences == 0 || !rule.when().matches(stored.facts())) {
        continue;
      }
      out.matched++;
      out.occurrences += occurrences;
      // As it was when the trigger came: nobody owned it yet.
      StoredDispute unowned =
          new StoredDispute(
              stored.dispute(),
              null,
              stored.firstSeenAt(),
              stored.resolvedAt(),
              stored.firstActionAt(),
              stored.account());
      for (Planned p : planner.plan(rule, unowned, false, group -> rotation)) {
        out.count(p);
      }
      people(id, out);
      outcome(stored.dispute(), out);
    }
    return out;
  }

  private static int occurrences(RuleSettings rule, Dispute d, Instant from) {
    int n = 0;
    for (RuleTrigger t : rule.triggers()) {
      n +=
          switch (t) {
            case NEW_DISPUTE -> after(d.createTime(), from) ? 1 : 0;
            case BUYER_MESSAGE ->
                (int)
                    d.messages().stream()
                        .filter(m -> m.postedBy() == Party.BUYER && after(m.timePosted(), from))
                        .count();
            case STAGE_CHANGE ->
                d.disputeLifeCycleStage() != null
                        && d.disputeLifeCycleStage() != LifecycleStage.INQUIRY
                        && after(d.updateTime(), from)
                    ? 1
                    : 0;
            case STATUS_CHANGE ->
                after(d.updateTime(), from)
                        && d.updateTime() != null
                        && !d.updateTime().equals(d.createTime())
                    ? 1
                    : 0;
            case DUE_WITHIN -> after(d.sellerResponseDueDate(), from) ? 1 : 0;
          };
    }
    return n;
  }

  private static boolean after(Instant at, Instant from) {
    return at != null && !at.isBefore(from);
  }

  /** What people did on the dispute, from the audit log; actions a rule asked for are left out. */
  private void people(String disputeId, ReplayResult out) {
    for (AuditEntry e : audit.forDispute(disputeId)) {
      boolean ok = "SUCCEEDED".equals(e.outcome()) || "DONE".equals(e.outcome());
      if (!ok || byRule(e)) {
        continue;
      }
      out.people.merge(e.action(), 1, Integer::sum);
    }
  }

  private boolean byRule(AuditEntry e) {
    Matcher m = e.requestSummary() == null ? null : ACTION_ID.matcher(e.requestSummary());
    if (m == null || !m.matches()) {
      return false;
    }
    Optional<Action> a = actions.find(Long.parseLong(m.group(1)));
    return a.isPresent() && ActionIntent.ruleOf(a.get().intentKey()).isPresent();
  }

  private static void outcome(Dispute d, ReplayResult out) {
    if (!d.isResolved()) {
      out.open++;
      return;
    }
    OutcomeCode code = d.disputeOutcome() == null ? null : d.disputeOutcome().outcomeCode();
    Money refunded = d.disputeOutcome() == null ? null : d.disputeOutcome().amountRefunded();
    if (code == OutcomeCode.RESOLVED_SELLER_FAVOUR
        || code == OutcomeCode.DENIED
        || code == OutcomeCode.CANCELED_BY_BUYER) {
      out.won++;
    } else {
      out.lost++;
    }
    if (refunded != null && refunded.value().signum() > 0) {
      out.refundedActually.merge(refunded.currencyCode(), refunded.value(), BigDecimal::add);
    }
  }

  private List<String> candidates(Instant from) {
    return db.read(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT dispute_id FROM disputes WHERE create_time >= ?"
                      + " OR update_time >= ? OR seller_due >= ? ORDER BY create_time, dispute_id")) {
            Jdbc.setInstant(ps, 1, from);
            Jdbc.setInstant(ps, 2, from);
            Jdbc.setInstant(ps, 3, from);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          return ids;
        });
  }

  /** The replay's numbers. */
  public static final class ReplayResult {
    int looked;
    int matched;
    int occurrences;

    /**
     * Per step word: how many disputes it would have acted on, asked a second approver for,
     * skipped.
     */
    final Map<String, int[]> steps = new LinkedHashMap<>();

    final Map<String, BigDecimal> refunds = new TreeMap<>();
    final Map<String, BigDecimal> waiting = new TreeMap<>();
    final Map<String, Integer> skipReasons = new LinkedHashMap<>();
    final Map<String, Integer> people = new TreeMap<>();
    final Map<String, BigDecimal> refundedActually = new TreeMap<>();
    int won;
    int lost;
    int open;

    public int looked() {
      return looked;
    }

    public int matched() {
      return matched;
    }

    public int occurrences() {
      return occurrences;
    }

    public Map<String, int[]> steps() {
      return steps;
    }

    public Map<String, BigDecimal> refunds() {
      return refunds;
    }

    public Map<String, BigDecimal> waiting() {
      return waiting;
    }

    public Map<String, Integer> skipReasons() {
      return skipReasons;
    }

    public Map<String, Integer> people() {
      return people;
    }

    public Map<String, BigDecimal> refundedActually() {
      return refundedActually;
    }

    public int won() {
      return won;
    }

    public int lost() {
      return lost;
    }

    public int open() {
      return open;
    }

    void count(Planned p) {
      int[] n = steps.computeIfAbsent(p.step().word(), k -> new int[3]);
      n[p.effect().ordinal()]++;
      if (p.effect() == Planned.Effect.SKIP) {
        skipReasons.merge(p.step().word() + ": " + p.why(), 1, Integer::sum);
      } else if (p.refund() != null) {
        (p.effect() == Planned.Effect.ACT ? refunds : waiting)
            .merge(p.refund().currencyCode(), p.refund().value(), BigDecimal::add);
      }
    }
  }
}
