package io.disputedesk.slack.commands;

import java.util.List;

/** The usage line of each subcommand, as the help and error replies show them. */
final class Usage {
  static final String LIST =
      "/disputes list [open|due|mine|unassigned|waiting-buyer|resolved] [reason] [min amount]";
  static final String SUBSCRIBE = "/disputes subscribe <filter words> [backfill]";
  static final String UNSUBSCRIBE = "/disputes unsubscribe [<filter words>|all]";
  static final String SUBSCRIPTIONS = "/disputes subscriptions";
  static final String SHOW = "/disputes show <dispute id>";
  static final String SEARCH =
      "/disputes search <buyer name, dispute id, transaction id or invoice number>";
  static final String MINE = "/disputes mine";
  static final String DUE = "/disputes due [hours]";
  static final String UNASSIGNED = "/disputes unassigned";
  static final String ASSIGN = "/disputes assign <dispute id> @person";
  static final String UNASSIGN = "/disputes unassign <dispute id>";
  static final String STATS = "/disputes stats [7d|30d|90d]";
  static final String EXPORT = "/disputes export [30d|90d|all]";
  static final String REPORT = "/disputes report [30d|90d|12w|this-quarter]";
  static final String SYNC = "/disputes sync";
  static final String DIGEST = "/disputes digest";
  static final String RULES = "/disputes rules [pause|resume [name]|test <name> [30d]]";
  static final String AWAY = "/disputes away [until <yyyy-mm-dd>|off]";
  static final String HELP = "/disputes help";

  /** Each usage line with what it does, in the order the help lists them. */
  static final List<String[]> ALL =
      List.of(
          new String[] {
            LIST,
            "a compact list; reason e.g. `inr`, `snad`, `unauthorised`; amount e.g. `100` or `50EUR`"
          },
          new String[] {SHOW, "the dispute's card, just for you"},
          new String[] {
            SEARCH,
            "disputes whose buyer name, id, transaction id or invoice number contains the text (3"
                + " characters or more; case and accents aside), just for you; e.g. `/disputes"
                + " search jordan`"
          },
          new String[] {MINE, "open disputes assigned to you"},
          new String[] {DUE, "disputes whose deadline is within the hours (default 72)"},
          new String[] {UNASSIGNED, "open disputes nobody owns"},
          new String[] {ASSIGN, "make someone the owner"},
          new String[] {UNASSIGN, "remove the owner"},
          new String[] {
            STATS,
            "opened, resolved, won/lost, win rate, at risk, time to first action, missed deadlines"
          },
          new String[] {
            REPORT,
            "charts: opened and resolved, outcomes, amounts per currency, reasons, time to first"
                + " action and deadlines met, sent to you as an image (`share` posts it here)"
          },
          new String[] {
            EXPORT,
            "a CSV of disputes with outcome and owner and a CSV of weekly totals, sent to you as"
                + " files"
          },
          new String[] {SYNC, "check PayPal now (approvers)"},
          new String[] {DIGEST, "preview today's digest"},
          new String[] {
            SUBSCRIBE,
            "cards of the matching disputes come to this channel too (approvers); words as for list,"
                + " plus stages (inquiry, claim, chargeback, pre-arbitration, arbitration), account:name, status:name"
          },
          new String[] {
            UNSUBSCRIBE, "stop one of this channel's subscriptions, or all (approvers)"
          },
          new String[] {SUBSCRIPTIONS, "the routes that bring disputes to this channel"},
          new String[] {
            RULES,
            "the automation rules; pause or resume them (approvers); test one over past disputes"
          },
          new String[] {AWAY, "round-robin rules skip you until the end of that day"},
          new String[] {HELP, "this help"});

  private Usage() {}
}
