package io.disputedesk.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.digest.Digest;
import io.disputedesk.dispute.DigestData;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.Words;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daily digest as Slack messages of at most 50 blocks each: new disputes, those due soon
 * (owners mentioned), unassigned ones, resolved ones with outcome and amount, and the totals. Each
 * dispute line links to its card.
 */
public final class DigestBuilder {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

  private final DisputeLines lines;
  private final ZoneId zone;
  private final int maxBlocks;

  public DigestBuilder(DisputeLines lines, ZoneId zone) {
    this(lines, zone, BlockKit.MESSAGE_BLOCKS);
  }

  /** With a smaller block budget per message (tests of the split). */
  public DigestBuilder(DisputeLines lines, ZoneId zone, int maxBlocks) {
    this.lines = lines;
    this.zone = zone;
    this.maxBlocks = maxBlocks;
  }

  /** The digest as the messages it goes out in. */
  public List<DigestMessage> build(Digest digest) {
    return build(digest.data(), digest.date(), digest.now(), digest.unsentDrafts());
  }

  public List<DigestMessage> build(DigestData data, LocalDate date, Instant now) {
    return build(data, date, now, Map.of());
  }

  /**
   * The digest, also saying how many evidence drafts wait to be sent ({@code unsentDrafts}: dispute
   * id → count).
   */
  public List<DigestMessage> build(
      DigestData data, LocalDate date, Instant now, Map<String, Integer> unsentDrafts) {
    String title = "Dispute digest · " + DATE.format(date);
    List<List<ObjectNode>> groups = new ArrayList<>();
    groups.add(
        List.of(
            BlockKit.header(title),
            BlockKit.context(
                "Since "
                    + SINCE.format(data.from().atZone(zone))
                    + " · "
                    + data.openNow()
                    + " open · at risk "
                    + Words.totals(data.atRisk())
                    + (data.overdueNow() > 0
                        ? " · :warning: " + data.overdueNow() + " overdue"
                        : ""))));
    if (data.isQuiet()) {
      groups.add(
          List.of(
              BlockKit.section(
                  "Nothing new, nothing due within 48 h and nothing resolved since the last digest.")));
    }
    int drafts = unsentDrafts.values().stream().mapToInt(Integer::intValue).sum();
    if (drafts > 0) {
      groups.add(
          List.of(
              BlockKit.section(
                  ":memo: *"
                      + DraftMessages.notSent(drafts)
                      + "*"
                      + (unsentDrafts.size() > 1
                          ? " (on " + unsentDrafts.size() + " disputes)"
                          : " (on " + Mrkdwn.escape(unsentDrafts.keySet().iterator().next()) + ")")
                      + ": *Submit to PayPal* in the card's thread sends each one.")));
    }
    section(
        groups, "New since the last digest", data.newSince(), now, false, "/disputes list open");
    section(groups, "Due within 48 h", data.dueSoon(), now, true, "/disputes due 48");
    section(groups, "Unassigned", data.unassigned(), now, false, "/disputes unassigned");
    section(
        groups,
        "Resolved since the last digest",
        data.resolved(),
        now,
        false,
        "/disputes list resolved");
    groups.add(
        List.of(
            BlockKit.divider(),
            BlockKit.section(
                "*Totals:* "
                    + data.openNow()
                    + " open · at risk "
                    + Words.totals(data.atRisk())
                    + " · "
                    + data.newSince().total()
                    + " new · "
                    + data.resolved().total()
                    + " resolved")));
    String text =
        title
            + ": "
            + data.newSince().total()
            + " new, "
            + data.dueSoon().total()
            + " due within 48 h, "
            + data.unassigned().total()
            + " unassigned, "
            + data.resolved().total()
            + " resolved";
    return pack(groups, title, text);
  }

  private void section(
      List<List<ObjectNode>> groups,
      String name,
      DigestData.Section s,
      Instant now,
      boolean mentionOwners,
      String command) {
    if (s.total() == 0) {
      return;
    }
    List<ObjectNode> group = new ArrayList<>();
    group.add(BlockKit.section("*" + name + "* (" + s.total() + ")"));
    for (DisputeLine line : s.lines()) {
      group.add(BlockKit.section(lines.compact(line, now, mentionOwners)));
    }
    if (s.more() > 0) {
      group.add(BlockKit.context("…and " + s.more() + " more: `" + command + "`"));
    }
    groups.add(group);
  }

  /** Packs whole groups into messages while they fit; a group larger than a message is cut. */
  private List<DigestMessage> pack(List<List<ObjectNode>> groups, String title, String text) {
    List<ArrayNode> messages = new ArrayList<>();
    ArrayNode current = BlockKit.array();
    for (List<ObjectNode> group : groups) {
      if (current.size() + group.size() > maxBlocks && current.size() > 0) {
        messages.add(current);
        current = continued(title, messages.size() + 1);
      }
      for (ObjectNode block : group) {
        if (current.size() == maxBlocks) {
          messages.add(current);
          current = continued(title, messages.size() + 1);
        }
        current.add(block);
      }
    }
    messages.add(current);
    List<DigestMessage> out = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      out.add(
          new DigestMessage(i == 0 ? text : title + " (part " + (i + 1) + ")", messages.get(i)));
    }
    return out;
  }

  private static ArrayNode continued(String title, int part) {
    ArrayNode blocks = BlockKit.array();
    blocks.add(BlockKit.context(Mrkdwn.escape(title) + " (part " + part + ")"));
    return blocks;
  }
}
