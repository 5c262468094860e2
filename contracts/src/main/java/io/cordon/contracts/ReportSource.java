package io.cordon.contracts;

/** How a compromise report reached account-service. */
public enum ReportSource {
  /** JSON body of {@code POST /compromise-reports}. */
  MANUAL,
  /** {@code text/csv} body of {@code POST /compromise-reports}. */
  CSV,
  /** {@code POST /detections} from a detection system. */
  DETECTION
}
