package io.disputedesk.slack.actions;

import com.slack.api.model.block.SectionBlock;
import io.disputedesk.paypal.Dispute;

/** The dispute summary every action modal opens with (for wording tests). */
public final class ModalSurface {
  private ModalSurface() {}

  public static String summary(Dispute d) {
    return ((SectionBlock) ModalParts.summary(d)).getText().getText();
  }
}
