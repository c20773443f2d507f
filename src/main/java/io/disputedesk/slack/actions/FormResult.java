package io.disputedesk.slack.actions;

import com.slack.api.model.File;
import io.disputedesk.paypal.ActionRequest;
import java.util.List;
import java.util.Map;

/** A submitted modal: a PayPal request with the files to fetch, or the errors to show on its inputs. */
sealed interface FormResult {
  record Valid(ActionRequest request, List<File> files) implements FormResult {
    public Valid {
      files = List.copyOf(files);
    }
  }

  /** Messages keyed by input block id, as {@code response_action: errors} wants them. */
  record Invalid(Map<String, String> errors) implements FormResult {
    public Invalid {
      errors = Map.copyOf(errors);
    }
  }
}
