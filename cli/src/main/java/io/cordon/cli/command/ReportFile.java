package io.cordon.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A list of compromised accounts as a responder has it: a CSV with an {@code account} column (and
 * optionally {@code tenant}), or a JSON compromise report. The CSV goes to account-service as it
 * is; where a JSON body is needed (the dry run of {@code cordon plan}) it is turned into one.
 */
record ReportFile(Kind kind, String text) {
  enum Kind {
    CSV,
    JSON
  }

  /** Thrown for a file the user must fix; the command turns it into a usage error. */
  static final class Unusable extends RuntimeException {
    Unusable(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static ReportFile read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Unusable("cannot read " + path + ": " + e.getMessage());
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return new ReportFile(Kind.JSON, text);
    }
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
      return new ReportFile(Kind.CSV, text);
    }
    return new ReportFile(text.stripLeading().startsWith("{") ? Kind.JSON : Kind.CSV, text);
  }

  /**
   * The report as a JSON body, with the incident and playbook the command line names. A JSON file
   * that names another incident than {@code --incident} is refused rather than silently changed.
   */
  ObjectNode jsonBody(String incidentId, String title, String severity, String playbook) {
    ObjectNode body = kind == Kind.JSON ? parsedJson() : fromCsv();
    JsonNode incident = body.path("incident");
    ObjectNode target = incident.isObject() ? (ObjectNode) incident : body.putObject("incident");
    String named = incident.path("id").isTextual() ? incident.path("id").asText() : null;
    if (incidentId != null && named != null && !named.equals(incidentId)) {
      throw new Unusable("the file names incident " + named + " but --incident says " + incidentId);
    }
    if (incidentId == null && named == null) {
      throw new Unusable("name the incident with --incident");
    }
    if (incidentId != null) {
      target.put("id", incidentId);
    }
    putIfGiven(target, "title", title);
    putIfGiven(target, "severity", severity);
    putIfGiven(body, "playbook", playbook);
    return body;
  }

  private ObjectNode parsedJson() {
    try {
      JsonNode node = JSON.readTree(text);
      if (!(node instanceof ObjectNode object)) {
        throw new Unusable("the JSON file is not an object with incident and accounts");
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new Unusable("the file is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Accounts from the CSV's {@code account} (and {@code tenant}) columns, in file order. */
  private ObjectNode fromCsv() {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter(content))
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setTrim(true)
            .get();
    ObjectNode body = JSON.createObjectNode();
    ArrayNode accounts = body.putArray("accounts");
    try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      String accountColumn = column(header, "account");
      String tenantColumn = column(header, "tenant");
      if (accountColumn == null) {
        throw new Unusable("the CSV has no 'account' column");
      }
      for (CSVRecord record : parser) {
        String account = record.isSet(accountColumn) ? record.get(accountColumn) : "";
        String tenant =
            tenantColumn != null && record.isSet(tenantColumn) ? record.get(tenantColumn) : "";
        if (account.isEmpty()) {
          continue;
        }
        if (tenant.isEmpty()) {
          accounts.add(account);
        } else {
          accounts
              .addObject()
              .put(account.contains("@") ? "upn" : "objectId", account)
              .put("tenantId", tenant);
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new Unusable("cannot read the CSV: " + e.getMessage());
    }
    return body;
  }

  /** As account-service does: the header row's most frequent of comma, semicolon and tab. */
  static char delimiter(String content) {
    int end = content.indexOf('\n');
    String header = end < 0 ? content : content.substring(0, end);
    char best = ',';
    long bestCount = header.chars().filter(c -> c == ',').count();
    for (char candidate : new char[] {';', '\t'}) {
      long count = header.chars().filter(c -> c == candidate).count();
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  private static String column(Map<String, Integer> header, String wanted) {
    return header.keySet().stream()
        .filter(name -> name.trim().equalsIgnoreCase(wanted))
        .findFirst()
        .orElse(null);
  }

  private static void putIfGiven(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
