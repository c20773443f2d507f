package io.disputedesk.slack;

/** Block Kit size limits Slack enforces at call time (see shared/slack/LIMITS.md). */
public final class BlockLimits {
  private BlockLimits() {}

  public static final int MESSAGE_BLOCKS = 50;
  public static final int VIEW_BLOCKS = 100;
  public static final int MESSAGE_TEXT = 40_000;
  public static final int SECTION_TEXT = 3000;
  public static final int SECTION_FIELDS = 10;
  public static final int FIELD_TEXT = 2000;
  public static final int HEADER_TEXT = 150;
  public static final int ACTIONS_ELEMENTS = 25;
  public static final int CONTEXT_ELEMENTS = 10;
  public static final int BUTTON_TEXT = 75;
  public static final int BUTTON_VALUE = 2000;
  public static final int BUTTON_URL = 3000;
  public static final int ACTION_ID = 255;
  public static final int BLOCK_ID = 255;
  public static final int CONFIRM_TITLE = 100;
  public static final int CONFIRM_TEXT = 300;
  public static final int CONFIRM_BUTTON = 30;
  public static final int OPTION_TEXT = 75;
  public static final int OPTION_VALUE = 150;

  /** An overflow menu takes two to five options. */
  public static final int OVERFLOW_OPTIONS = 5;
}
