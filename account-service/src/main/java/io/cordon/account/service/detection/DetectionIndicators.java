package io.cordon.account.service.detection;

import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.service.intake.IndicatorClassifier;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers the indicators of compromise one detection item names, for every account of the item. A
 * vendor value that cannot be kept (too long, control characters) is left out rather than refusing
 * the account; a value the type needs to fit (an IP address, a SHA-256, a URL, a domain) and does
 * not is classified by its text instead.
 */
final class DetectionIndicators {
  /** {@link Indicator#source()} of an Entra ID Protection risk detection's indicators. */
  static final String ENTRA_RISK_DETECTION = "entra-risk-detection";

  /** {@link Indicator#source()} of Microsoft Defender XDR alert evidence (Graph or streaming). */
  static final String DEFENDER = "defender";

  /** {@link Indicator#source()} of a Microsoft Sentinel incident's entities. */
  static final String SENTINEL = "sentinel";

  private final String source;
  private final Set<Indicator> found = new LinkedHashSet<>();

  DetectionIndicators(String source) {
    this.source = source;
  }

  /**
   * @param type what the vendor field names, or null to classify the text
   * @param value the field's text (null or blank: nothing)
   * @param observedAt when the detection saw it, or null
   */
  void add(IndicatorType type, String value, Instant observedAt) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()
        || IndicatorClassifier.refusal(text) != null
        || found.size() >= AccountIdentifier.MAX_INDICATORS) {
      return;
    }
    IndicatorType kind =
        type != null && IndicatorClassifier.fits(type, text)
            ? type
            : IndicatorClassifier.classify(text);
    found.add(new Indicator(kind, text, observedAt, source));
  }

  /** An IP address a vendor reports: IPV4 or IPV6 when it is one, else TEXT. */
  void addAddress(String value, Instant observedAt) {
    add(null, value, observedAt);
  }

  List<Indicator> list() {
    return new ArrayList<>(found);
  }
}
