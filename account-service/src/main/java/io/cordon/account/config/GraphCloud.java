package io.cordon.account.config;

/**
 * Microsoft's cloud deployments and their hosts, as "Microsoft Graph national cloud deployments"
 * lists them (https://learn.microsoft.com/graph/deployments): the Entra ID endpoint that issues
 * tokens and the Graph service root. US Government L4 and L5 (DoD) share one Entra endpoint.
 */
public enum GraphCloud {
  GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com"),
  US_GOV("https://login.microsoftonline.us", "https://graph.microsoft.us"),
  US_GOV_DOD("https://login.microsoftonline.us", "https://dod-graph.microsoft.us"),
  CHINA("https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn");

  private final String authorityHost;
  private final String graphRoot;

  GraphCloud(String authorityHost, String graphRoot) {
    this.authorityHost = authorityHost;
    this.graphRoot = graphRoot;
  }

  public String authorityHost() {
    return authorityHost;
  }

  public String baseUrl() {
    return graphRoot + "/v1.0";
  }

  /**
   * The app-only scope: it must name the cloud's own Graph host
   * (https://learn.microsoft.com/graph/sdks/national-clouds, "Permission scopes").
   */
  public String scope() {
    return graphRoot + "/.default";
  }

  /**
   * The configuration spelling: {@code global}, {@code us-gov}, {@code us-gov-dod}, {@code china}.
   */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
