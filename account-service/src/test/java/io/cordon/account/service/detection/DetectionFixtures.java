package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.account.model.EntryRejection;
import io.cordon.account.service.intake.RawEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sample payloads under {@code src/test/resources/detections/}, and what they name. */
public final class DetectionFixtures {
  public static final String TENANT = "12074f03-567b-430a-99f5-d0273c3fcd41";

  public static final String TARO = "82fce6f8-5234-4d57-bdec-f5cb65c4753c";
  public static final String HANAKO = "ff5aecfa-f8f3-499b-aa38-64792ec04ca7";
  public static final String KENJI = "ed24098f-6d20-4965-abba-82dd7b02f9bf";
  public static final String YUKI = "d5bbe8ed-1833-4717-99f6-03c626586c95";
  public static final String ITO = "5af961b6-3176-4942-af7e-51e589105db1";
  public static final String MIKA = "766c82cb-0d68-486a-8c7c-1648e8b3b815";
  public static final String DAICHI = "37eb1046-4c6f-431c-9420-e1feb76c3d05";

  public static final String HANAKO_UPN = "hanako.sato@jaxa.example";
  public static final String YUKI_UPN = "yuki.suzuki@jaxa.example";
  public static final String KENJI_UPN = "kenji.tanaka@jaxa.example";

  public static final String SENTINEL_INCIDENT = "df78f12f-a5e7-46fa-a58c-b13a340ce904";
  public static final String DEFENDER_ALERT_A = "da638543080123456789_1187432915";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DetectionFixtures() {}

  public static String text(String name) {
    try (InputStream in =
        DetectionFixtures.class.getClassLoader().getResourceAsStream("detections/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture detections/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String name) {
    return parse(text(name));
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> values(Detection detection) {
    return detection.entries().stream().map(RawEntry::value).toList();
  }

  static List<String> inputs(Detection detection) {
    return detection.entries().stream().map(RawEntry::input).toList();
  }

  static List<String> rejected(Detection detection) {
    return detection.rejections().stream().map(EntryRejection::input).toList();
  }
}
