package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.sim;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.identityprotection.riskyusers.confirmcompromised.ConfirmCompromisedPostRequestBody;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.MessageRule;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.http.middleware.RetryHandler;
import io.cordon.graphsim.rest.SimHttpServer;
import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the simulator with the client stack account-service uses (GraphClients): azure-identity
 * ClientSecretCredential against the simulator's HTTPS authority, trusting only the written trust
 * store, and the Graph SDK's $batch and request builders.
 */
@QuarkusTest
class GraphSdkClientTest {
  @Inject SimHttpServer server;

  private GraphServiceClient graph;

  @BeforeEach
  void connect() throws Exception {
    SimTestClient.reset();
    X509TrustManager trust = trustManager(Path.of(server.trustStorePath()), "cordon-sim");
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    String origin = "https://localhost:" + server.httpsPort();
    TokenCredential credential =
        new ClientSecretCredentialBuilder()
            .tenantId(SimTestClient.TENANT)
            .clientId(SimTestClient.CLIENT_ID)
            .clientSecret(SimTestClient.CLIENT_SECRET)
            .authorityHost(origin)
            .disableInstanceDiscovery()
            .httpClient(
                new OkHttpAsyncHttpClientBuilder(
                        new OkHttpClient.Builder()
                            .sslSocketFactory(tls.getSocketFactory(), trust)
                            .build())
                    .build())
            .build();
    AzureIdentityAuthenticationProvider auth =
        new AzureIdentityAuthenticationProvider(
            credential, new String[] {"localhost"}, "https://graph.microsoft.com/.default");
    Interceptor[] interceptors =
        Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption()))
            .filter(i -> !(i instanceof RetryHandler))
            .toArray(Interceptor[]::new);
    OkHttpClient http =
        GraphClientFactory.create(new GraphClientOption(), interceptors)
            .sslSocketFactory(tls.getSocketFactory(), trust)
            .build();
    graph = new GraphServiceClient(auth, http);
    graph.getRequestAdapter().setBaseUrl(origin + "/v1.0");
  }

  @Test
  void issuesATemporaryAccessPassAndDismissesRiskThroughTheRealSdk() throws Exception {
    String userId = TenantGenerator.userId(SimTestClient.DOMAIN, 0);

    // as TemporaryAccessPassClient does it: a direct POST, whose answer carries the pass
    com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod ask =
        new com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod();
    ask.setLifetimeInMinutes(60);
    ask.setIsUsableOnce(true);
    var methods = graph.users().byUserId(userId).authentication().temporaryAccessPassMethods();
    var created = methods.post(ask);
    assertThat(created.getTemporaryAccessPass()).isNotBlank();
    assertThat(created.getIsUsableOnce()).isTrue();
    assertThat(created.getLifetimeInMinutes()).isEqualTo(60);
    assertThat(created.getCreatedDateTime()).isNotNull();
    var listed = methods.get().getValue();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).getId()).isEqualTo(created.getId());
    assertThat(listed.get(0).getTemporaryAccessPass()).isNull();
    assertThat(listed.get(0).getIsUsable()).isTrue();

    // as GraphRequestPlanner does it: dismiss inside a $batch
    com.microsoft.graph.identityprotection.riskyusers.dismiss.DismissPostRequestBody dismiss =
        new com.microsoft.graph.identityprotection.riskyusers.dismiss.DismissPostRequestBody();
    dismiss.setUserIds(List.of(userId));
    BatchRequestContent batch = new BatchRequestContent(graph);
    String step =
        batch.addBatchRequestStep(
            graph.identityProtection().riskyUsers().dismiss().toPostRequestInformation(dismiss));
    assertThat(graph.getBatchRequestBuilder().post(batch, null).getResponses().get(step).code())
        .isEqualTo(204);
    Map<String, Object> state =
        sim().get("/_sim/users/" + userId).then().extract().jsonPath().getMap("");
    assertThat(((Map<?, ?>) state.get("risk")).get("level")).isEqualTo("none");
  }

  @Test
  void removesWhatAUserLeftBehindThroughTheRealSdk() throws Exception {
    String userId = TenantGenerator.userId(SimTestClient.DOMAIN, TenantGenerator.PERSISTENT_USER);
    String[] select = {"id", "appId", "displayName", "passwordCredentials", "keyCredentials"};

    // as AppCredentialTargets, ConsentTargets and DeviceTargets list them
    var apps =
        graph
            .users()
            .byUserId(userId)
            .ownedObjects()
            .graphApplication()
            .get(c -> c.queryParameters.select = select)
            .getValue();
    assertThat(apps).hasSize(1);
    var secrets = apps.get(0).getPasswordCredentials();
    assertThat(secrets).hasSize(2);
    assertThat(secrets.get(1).getStartDateTime()).isAfter(secrets.get(0).getStartDateTime());
    var assignments = graph.users().byUserId(userId).appRoleAssignments().get().getValue();
    assertThat(assignments).hasSize(1);
    var devices = graph.users().byUserId(userId).registeredDevices().graphDevice().get().getValue();
    assertThat(devices).hasSize(2);
    var newDevice =
        devices.stream()
            .max(java.util.Comparator.comparing(d -> d.getRegistrationDateTime()))
            .orElseThrow();

    // and removes them, in one $batch
    var remove =
        new com.microsoft.graph.applications.item.removepassword.RemovePasswordPostRequestBody();
    remove.setKeyId(secrets.get(1).getKeyId());
    com.microsoft.graph.models.Device disabled = new com.microsoft.graph.models.Device();
    disabled.setAccountEnabled(false);
    BatchRequestContent batch = new BatchRequestContent(graph);
    String password =
        batch.addBatchRequestStep(
            graph
                .applications()
                .byApplicationId(apps.get(0).getId())
                .removePassword()
                .toPostRequestInformation(remove));
    String assignment =
        batch.addBatchRequestStep(
            graph
                .users()
                .byUserId(userId)
                .appRoleAssignments()
                .byAppRoleAssignmentId(assignments.get(0).getId())
                .toDeleteRequestInformation());
    String device =
        batch.addBatchRequestStep(
            graph.devices().byDeviceId(newDevice.getId()).toPatchRequestInformation(disabled));
    var answers = graph.getBatchRequestBuilder().post(batch, null).getResponses();
    assertThat(answers.get(password).code()).isEqualTo(204);
    assertThat(answers.get(assignment).code()).isEqualTo(204);
    assertThat(answers.get(device).code()).isEqualTo(204);

    assertThat(
            graph
                .applications()
                .byApplicationId(apps.get(0).getId())
                .get()
                .getPasswordCredentials())
        .hasSize(1);
    assertThat(graph.devices().byDeviceId(newDevice.getId()).get().getAccountEnabled()).isFalse();
  }

  @Test
  void resolvesRemediatesAndResetsThroughTheRealSdk() throws Exception {
    String upn = upnOf(2 * 50 + 3); // an administrator (index 103)
    String userId = TenantGenerator.userId(SimTestClient.DOMAIN, 103);

    // resolution as DirectoryReader does it: user + transitive memberships in one $batch
    BatchRequestContent resolve = new BatchRequestContent(graph);
    String userStep =
        resolve.addBatchRequestStep(
            graph
                .users()
                .byUserId(upn)
                .toGetRequestInformation(
                    c ->
                        c.queryParameters.select =
                            new String[] {
                              "id",
                              "userPrincipalName",
                              "userType",
                              "onPremisesSyncEnabled",
                              "accountEnabled"
                            }));
    String memberStep =
        resolve.addBatchRequestStep(
            graph
                .users()
                .byUserId(upn)
                .transitiveMemberOf()
                .toGetRequestInformation(
                    c -> {
                      c.queryParameters.select = new String[] {"id", "displayName"};
                      c.queryParameters.top = 999;
                    }));
    BatchResponseContent resolved = graph.getBatchRequestBuilder().post(resolve, null);
    Map<String, Response> answers = resolved.getResponses();
    assertThat(answers.get(userStep).code()).isEqualTo(200);
    assertThat(answers.get(userStep).body().string()).contains(userId);
    assertThat(answers.get(memberStep).body().string()).contains("#microsoft.graph.directoryRole");

    // remediation as GraphRequestPlanner does it, 4 writes in one $batch
    BatchRequestContent remediate = new BatchRequestContent(graph);
    RequestInformation revoke =
        graph.users().byUserId(userId).revokeSignInSessions().toPostRequestInformation();
    revoke.setStreamContent(
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "application/json");
    String revokeStep = remediate.addBatchRequestStep(revoke);
    User reset = new User();
    PasswordProfile profile = new PasswordProfile();
    profile.setPassword("Xq7!mZ2#pL9@vB4$wR6%tY8^nK3&hJ5*");
    profile.setForceChangePasswordNextSignIn(true);
    reset.setPasswordProfile(profile);
    String resetStep =
        remediate.addBatchRequestStep(
            graph.users().byUserId(userId).toPatchRequestInformation(reset));
    ConfirmCompromisedPostRequestBody confirm = new ConfirmCompromisedPostRequestBody();
    confirm.setUserIds(List.of(userId));
    String confirmStep =
        remediate.addBatchRequestStep(
            graph
                .identityProtection()
                .riskyUsers()
                .confirmCompromised()
                .toPostRequestInformation(confirm));
    BatchResponseContent remediated = graph.getBatchRequestBuilder().post(remediate, null);
    assertThat(remediated.getResponses().get(revokeStep).code()).isEqualTo(200);
    assertThat(remediated.getResponses().get(resetStep).code()).isEqualTo(204);
    assertThat(remediated.getResponses().get(confirmStep).code()).isEqualTo(204);

    // cleanup listings as CleanupTargets does them (direct GETs), deletions in a $batch
    BatchRequestContent cleanup = new BatchRequestContent(graph);
    int deletions = 0;
    for (DirectoryObject member : graph.users().byUserId(userId).memberOf().get().getValue()) {
      if (member instanceof DirectoryRole role) {
        cleanup.addBatchRequestStep(
            graph
                .directoryRoles()
                .byDirectoryRoleId(role.getId())
                .members()
                .byDirectoryObjectId(userId)
                .ref()
                .toDeleteRequestInformation());
        deletions++;
      }
    }
    var rules = graph.users().byUserId(userId).mailFolders().byMailFolderId("inbox").messageRules();
    for (MessageRule rule : rules.get().getValue()) {
      cleanup.addBatchRequestStep(rules.byMessageRuleId(rule.getId()).toDeleteRequestInformation());
      deletions++;
    }
    assertThat(graph.users().byUserId(userId).authentication().methods().get().getValue())
        .anyMatch(m -> m instanceof com.microsoft.graph.models.PasswordAuthenticationMethod);
    assertThat(deletions).isPositive();
    BatchResponseContent cleaned = graph.getBatchRequestBuilder().post(cleanup, null);
    assertThat(cleaned.getResponses().values()).allMatch(r -> r.code() == 204);

    // the simulator's view of the user
    sim().get("/_sim/users/" + userId).then().statusCode(200);
    Map<String, Object> state =
        sim().get("/_sim/users/" + userId).then().extract().jsonPath().getMap("");
    assertThat(state.get("sessionRevocationCount")).isEqualTo(1);
    assertThat(state.get("passwordChangeCount")).isEqualTo(1);
    assertThat((List<?>) state.get("directoryRoles")).isEmpty();
    assertThat((List<?>) state.get("messageRules")).isEmpty();
    assertThat(((Map<?, ?>) state.get("risk")).get("state")).isEqualTo("confirmedCompromised");
    int revokes =
        sim()
            .queryParam("user", userId)
            .queryParam("action", "revokeSignInSessions")
            .queryParam("status", 200)
            .get("/_sim/journal")
            .then()
            .extract()
            .path("count");
    assertThat(revokes).isEqualTo(1);

    // reset: back to the seed
    SimTestClient.reset();
    Map<String, Object> after =
        sim().get("/_sim/users/" + userId).then().extract().jsonPath().getMap("");
    assertThat(after.get("sessionRevocationCount")).isEqualTo(0);
    assertThat(after.get("passwordChangeCount")).isEqualTo(0);
    assertThat((List<?>) after.get("directoryRoles")).isNotEmpty();
    assertThat(((Map<?, ?>) after.get("risk")).get("state")).isNotEqualTo("confirmedCompromised");
    int journal = sim().get("/_sim/journal").then().extract().path("count");
    assertThat(journal).isZero();
  }

  private static String upnOf(int index) {
    return sim()
        .get("/_sim/users/" + TenantGenerator.userId(SimTestClient.DOMAIN, index))
        .then()
        .extract()
        .path("userPrincipalName");
  }

  private static X509TrustManager trustManager(Path store, String password) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, password.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(keyStore);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }
}
