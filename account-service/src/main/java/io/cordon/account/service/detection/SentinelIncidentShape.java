package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.IndicatorType;
import java.time.Instant;

/**
 * A Microsoft Sentinel incident as an automation rule's playbook (the Logic Apps "Microsoft
 * Sentinel incident" trigger) receives it, {@code {objectSchemaType:"Incident", object:{id, name,
 * type, properties}}}, or the bare incident resource ({@code type:
 * Microsoft.SecurityInsights/Incidents}); one, or several as {@code {value:[...]}}.
 *
 * <p>Accounts are the {@code properties.relatedEntities[]} of kind {@code Account}: {@code
 * aadUserId} (or {@code additionalData.AadUserId}) as the object id, else a UPN from {@code
 * additionalData.UserPrincipalName}, or {@code additionalData.UpnName} / {@code accountName} with
 * {@code upnSuffix}; {@code aadTenantId} is the tenant. The report's incident is the incident's
 * {@code name} (its GUID; else the incident number), title and severity. Its IP, URL, SHA-256 file
 * hash and DNS entities become every account's indicators, its {@code firstActivityTimeUtc} their
 * first sighting.
 */
public final class SentinelIncidentShape extends SingleOrValueShape {
  private static final String INCIDENT_TYPE = "Microsoft.SecurityInsights/Incidents";

  @Override
  public String source() {
    return "sentinel";
  }

  @Override
  public String name() {
    return "Microsoft Sentinel incident";
  }

  @Override
  public String description() {
    return "Microsoft Sentinel incident webhook payload (automation rule / Logic App:"
        + " {objectSchemaType:\"Incident\", object:{properties:{relatedEntities:[...]}}}, or the"
        + " incident resource itself), as one object or {value:[...]}, accounts from"
        + " relatedEntities[] of kind Account";
  }

  @Override
  boolean matchesItem(JsonNode item) {
    if ("Incident".equalsIgnoreCase(Nodes.text(item, "objectSchemaType"))) {
      return Nodes.object(item, "object") != null;
    }
    JsonNode incident = incident(item);
    if (INCIDENT_TYPE.equalsIgnoreCase(Nodes.text(incident, "type"))) {
      return Nodes.object(incident, "properties") != null;
    }
    JsonNode properties = Nodes.object(incident, "properties");
    return Nodes.array(properties, "relatedEntities") != null
        && (Nodes.has(properties, "incidentNumber") || Nodes.has(properties, "incidentUrl"));
  }

  @Override
  DetectedItem parseItem(JsonNode item, String path) {
    JsonNode incident = incident(item);
    String incidentPath = incident == item ? path : Nodes.at(path, "object");
    JsonNode properties = Nodes.object(incident, "properties");
    AccountCollector accounts = new AccountCollector();
    Instant last = ActivityTimes.latest(properties, "lastActivityTimeUtc", "firstActivityTimeUtc");
    DetectionIndicators found = new DetectionIndicators(DetectionIndicators.SENTINEL);
    JsonNode entities = Nodes.array(properties, "relatedEntities");
    if (entities != null) {
      for (int i = 0; i < entities.size(); i++) {
        JsonNode entity = entities.get(i);
        if ("Account".equalsIgnoreCase(Nodes.text(entity, "kind"))) {
          account(
              entity, Nodes.at(incidentPath, "properties.relatedEntities[" + i + "]"), accounts);
        } else {
          indicator(entity, last, found);
        }
      }
    }
    String id = Nodes.text(incident, "name");
    return DetectedItem.of(
            id != null ? id : Nodes.text(properties, "incidentNumber"),
            Nodes.text(properties, "title"),
            VendorSeverity.of(Nodes.text(properties, "severity")),
            accounts)
        .withActivity(last)
        .withEvidence(
            ActivityTimes.earliest(properties, "firstActivityTimeUtc", "lastActivityTimeUtc"),
            found.list());
  }

  /**
   * An entity that is an indicator of compromise (source {@code sentinel}), per the entity
   * reference (https://learn.microsoft.com/en-us/azure/sentinel/entities-reference): {@code Ip}
   * {@code address}, {@code Url} {@code url}, {@code FileHash} {@code hashValue} when its {@code
   * algorithm} is SHA256, {@code DnsResolution} {@code domainName}; other kinds name none.
   */
  private static void indicator(JsonNode entity, Instant observedAt, DetectionIndicators out) {
    String kind = Nodes.text(entity, "kind");
    JsonNode properties = Nodes.object(entity, "properties");
    JsonNode p = properties != null ? properties : entity;
    if ("Ip".equalsIgnoreCase(kind)) {
      out.addAddress(Nodes.text(p, "address"), observedAt);
    } else if ("Url".equalsIgnoreCase(kind)) {
      out.add(IndicatorType.URL, Nodes.text(p, "url"), observedAt);
    } else if ("FileHash".equalsIgnoreCase(kind)
        && "SHA256".equalsIgnoreCase(Nodes.text(p, "algorithm"))) {
      out.add(IndicatorType.SHA256, Nodes.text(p, "hashValue"), observedAt);
    } else if ("DnsResolution".equalsIgnoreCase(kind)) {
      out.add(IndicatorType.DOMAIN, Nodes.text(p, "domainName"), observedAt);
    }
  }

  private static JsonNode incident(JsonNode item) {
    JsonNode wrapped = Nodes.object(item, "object");
    return wrapped != null ? wrapped : item;
  }

  private static void account(JsonNode entity, String where, AccountCollector accounts) {
    JsonNode properties = Nodes.object(entity, "properties");
    JsonNode p = properties != null ? properties : entity;
    JsonNode extra = Nodes.object(p, "additionalData");
    String objectId = Nodes.text(p, "aadUserId");
    if (objectId == null) {
      objectId = Nodes.textIgnoreCase(extra, "AadUserId");
    }
    String name = Nodes.text(p, "accountName");
    accounts.add(
        where,
        objectId,
        upn(p, extra, name),
        Nodes.text(p, "aadTenantId"),
        AccountCollector.describe(Nodes.text(p, "ntDomain"), name, Nodes.text(p, "friendlyName")));
  }

  private static String upn(JsonNode p, JsonNode extra, String accountName) {
    String explicit = Nodes.textIgnoreCase(extra, "UserPrincipalName");
    if (explicit != null) {
      return explicit;
    }
    String upnName = Nodes.textIgnoreCase(extra, "UpnName");
    String name = upnName != null ? upnName : accountName;
    if (name != null && name.contains("@")) {
      return name;
    }
    String suffix = Nodes.text(p, "upnSuffix");
    return name != null && suffix != null ? name + "@" + suffix : null;
  }
}
