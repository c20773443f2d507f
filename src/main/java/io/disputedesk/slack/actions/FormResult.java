package io.disputedesk.slack.actions;

import com.slack.api.model.File;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.NewTracker;
import java.util.List;
import java.util.Map;

/**
 * A submitted modal: a PayPal request with the files to fetch, or the errors to show on its inputs.
 */
sealed interface FormResult {
  /** {@code tracker} (nullable): a shipment to add to PayPal too, with evidence. */
  record Valid(ActionRequest request, List<File> files, NewTracker tracker) implements FormResult {
    public Valid {
      files = List.copyOf(files);
    }

    Valid(ActionRequest request, List<File> files) {
      this(request, files, null);
    }

    Valid withTracker(NewTracker t) {
      return new Valid(request, files, t);
    }
  }

  /** Messages keyed by input block id, as {@code response_action: errors} wants them. */
  record Invalid(Map<String, String> errors) implements FormResult {
    public Invalid {
      errors = Map.copyOf(errors);
    }
  }
}
