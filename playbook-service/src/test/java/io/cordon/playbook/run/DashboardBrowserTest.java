package io.cordon.playbook.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cordon.playbook.run.Runs.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationResult;
import io.cordon.contracts.events.OpenedNotice;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.cordon.playbook.service.run.ActionIds;
import io.cordon.playbook.service.run.RunProgress;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium against this running service, with runs moved by
 * {@link TestResponder}. Every test leaves a screenshot in target/screenshots. Chromium missing is
 * a failure, not a skip: CI installs it ({@code .ci/run}).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
// restricted: its settings (dev sign-in on, a notices URL) must not reach the module's other tests
@QuarkusTestResource(value = DashboardStubResource.class, restrictToAnnotatedClass = true)
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final Path CHROMIUM =
      Path.of(System.getProperty("cordon.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("cordon.test.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VIEWER = "carol@jaxa.example";
  private static final String APPROVER = "bob@jaxa.example";

  private static final String TRACK_PENDING_FETCHES =
      """
      window.__pendingFetches = new Map();
      const originalFetch = window.fetch;
      let fetchSeq = 0;
      window.fetch = function (input, init) {
        const id = ++fetchSeq;
        const url = typeof input === 'string' ? input : input.url;
        window.__pendingFetches.set(id, { url, since: Date.now() });
        return originalFetch.call(this, input, init).then(
          (response) => { if (!url.endsWith('/events')) window.__pendingFetches.delete(id); return response; },
          (error) => { window.__pendingFetches.delete(id); throw error; });
      };
      """;

  private static WebDriver driver;
  private static Path profileDir;

  @ConfigProperty(name = "quarkus.http.test-port")
  int port;

  // every test class is validated at start-up, also in apps without DashboardStubResource
  @ConfigProperty(name = "cordon.test.dashboard-stub.url", defaultValue = "http://localhost:1")
  String stubUrl;

  @Inject RunProgress progress;

  // account-service's stand-in (a resource of the module's other tests, so this app has it too)
  RemoteServices remote;

  private WireMock stub;
  private String testName;
  private boolean screenshotTaken;

  @BeforeEach
  void browser(TestInfo info) throws Exception {
    testName = info.getTestMethod().orElseThrow().getName();
    URI stubUri = URI.create(stubUrl);
    stub = new WireMock(stubUri.getHost(), stubUri.getPort());
    stub.resetRequests();
    if (driver == null) {
      assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
          .as(
              "the browser tests need %s and %s: ./test.sh installs them"
                  + " (apt-get install -y chromium chromium-driver)",
              CHROMIUM, CHROMEDRIVER)
          .isTrue();
      profileDir = Files.createTempDirectory("cordon-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,800",
          "--user-data-dir=" + profileDir);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      ChromeDriver chrome = new ChromeDriver(service, options);
      // every page keeps a list of its fetches still unanswered: a wait that fails says which
      chrome.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRACK_PENDING_FETCHES));
      driver = chrome;
    }
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  @AfterEach
  void screenshotWhenNoneWasTaken() throws Exception {
    // a failed test stops before its own screenshot: keep what the page showed
    if (!screenshotTaken && driver != null) {
      screenshot("end");
    }
    screenshotTaken = false;
  }

  @AfterAll
  static void closeBrowser() throws Exception {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  @Test
  void progressBarsAdvanceWithoutReload() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-progress
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
          - id: remove-forwarding
            action: REMOVE_FORWARDING_RULES
        """);
    String prefix = prefix("progress");
    try (TestResponder responder = TestResponder.start(prefix, request -> null)) {
      String runId = Runs.start("dash-progress", "INC-" + prefix, accounts(prefix, 8));
      await().atMost(WAIT).until(() -> responder.requests().size() == 8);

      openAs("#/runs", VIEWER, TestJwt.VIEWER);
      By overall = By.cssSelector("tr[data-run-id='" + runId + "'] .bar.overall progress");
      waitFor(() -> done(overall) == 0 && total(overall) == 16);
      markPage();

      answer(responder, responder.requests().subList(0, 4));
      waitFor(() -> done(overall) == 4);
      By listStep =
          By.cssSelector(
              "tr[data-run-id='" + runId + "'] li[data-step='revoke-sessions'] progress");
      assertThat(done(listStep)).isEqualTo(4);
      assertThat(text(overall, "aria-label"))
          .isEqualTo("Run INC-" + prefix + " overall: 4 of 16 done");

      driver.findElement(By.linkText("INC-" + prefix)).click();
      By revokeStep = By.cssSelector("#steps-table tr[data-step='revoke-sessions'] progress");
      By forwardingStep = By.cssSelector("#steps-table tr[data-step='remove-forwarding'] progress");
      waitFor(() -> done(revokeStep) == 4);
      answer(responder, responder.requests().subList(4, 8));
      waitFor(() -> done(revokeStep) == 8);
      await().atMost(WAIT).until(() -> responder.requests().size() == 16);
      answer(responder, responder.requests().subList(8, 16));
      waitFor(() -> done(forwardingStep) == 8);
      waitFor(() -> "SUCCEEDED".equals(text(By.cssSelector("#run-state .badge"), "data-state")));
      assertPageNotReloaded();
      assertThat(textOf(By.cssSelector("[data-count='succeeded'] strong"))).isEqualTo("16");
      screenshot();
    }
  }

  @Test
  void aPageFollowsAllItsRunsOnOneStreamAndLeavesNoneOpenBehind() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-streams
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
        """);
    String prefix = prefix("streams");
    String incident = "INC-" + prefix;
    try (TestResponder responder = TestResponder.start(prefix, request -> null)) {
      // more unfinished runs than the browser's six connections per host minus the page's calls
      List<String> runIds = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        runIds.add(Runs.start("dash-streams", incident, List.of(Accounts.account(prefix, i))));
      }
      await().atMost(WAIT).until(() -> responder.requests().size() == 5);

      // the runs list follows all five live, on one stream (the page it replaced left none open)
      openAs("#/runs", VIEWER, TestJwt.VIEWER);
      for (String runId : runIds) {
        waitForElement(By.cssSelector("tr[data-run-id='" + runId + "'] li[data-step]"));
      }
      await().atMost(WAIT).until(() -> progress.openStreams() == 1);
      answer(responder, List.of(requestOf(responder, runIds.get(4))));
      By lastOverall =
          By.cssSelector("tr[data-run-id='" + runIds.get(4) + "'] .bar.overall progress");
      waitFor(() -> done(lastOverall) == 1);
      await().atMost(WAIT).until(() -> progress.openStreams() == 1);

      // so does the incident page, which stays answered: its accounts and timeline show
      openAs("#/incidents/" + incident, VIEWER, TestJwt.VIEWER);
      waitFor(() -> incidentAccountRows().size() == 5);
      waitFor(() -> timelineActions().contains("run.started"));
      await().atMost(WAIT).until(() -> progress.openStreams() == 1);
      answer(responder, List.of(requestOf(responder, runIds.get(0))));
      waitFor(
          () ->
              "SUCCEEDED"
                  .equals(
                      text(
                          By.cssSelector("#incident-runs tr[data-run='" + runIds.get(0) + "']"),
                          "data-state")));
      await().atMost(WAIT).until(() -> progress.openStreams() == 1);

      // a page left for another address closes its stream
      driver.get(baseUrl() + "?t=" + System.nanoTime() + "#/approvals");
      await().atMost(Duration.ofSeconds(10)).until(() -> progress.openStreams() == 0);
      screenshot();
      answer(responder, responder.requests());
    }
  }

  private static ActionRequested requestOf(TestResponder responder, String runId) {
    return responder.requests().stream()
        .filter(request -> runId.equals(request.runId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void approverApprovesInThePageAndTheStarterIsRefused() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-approval
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
          - id: disable-privileged
            action: DISABLE_ACCOUNT
            approval: {role: approver, timeout: 1h, onTimeout: fail}
        """);
    String prefix = prefix("approval");
    try (TestResponder responder =
        TestResponder.start(prefix, request -> TestResponder.Answer.succeeded())) {
      String runId = Runs.start("dash-approval", "INC-" + prefix, accounts(prefix, 3));
      await().atMost(WAIT).until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));
      String approvalId = pendingApprovalOf(runId);

      // the starter holds the approver role, yet the page tells them why they cannot decide
      openAs("#/approvals", RESPONDER, TestJwt.RESPONDER, TestJwt.APPROVER);
      By card = By.cssSelector("#approvals article[data-approval-id='" + approvalId + "']");
      waitFor(() -> !driver.findElements(card).isEmpty());
      WebElement starterCard = driver.findElement(card);
      assertThat(starterCard.findElement(By.cssSelector(".note")).getText())
          .contains("Four eyes", RESPONDER);
      WebElement blockedApprove = starterCard.findElement(By.cssSelector("button.approve"));
      assertThat(blockedApprove.isEnabled()).isFalse();
      assertThat(blockedApprove.getAttribute("aria-describedby")).isEqualTo("why-" + approvalId);
      // and the API refuses anyway
      Runs.decide(
              Runs.as(RESPONDER, TestJwt.RESPONDER, TestJwt.APPROVER),
              runId,
              approvalId,
              "approve",
              null)
          .statusCode(403)
          .body("detail", containsString("Four eyes"));
      screenshot("starter");

      // another person signs in through the dev sign-in and approves with the keyboard
      driver.findElement(By.id("sign-out")).click();
      WebElement name = waitForElement(By.id("dev-name"));
      name.clear();
      name.sendKeys(APPROVER);
      new Select(driver.findElement(By.id("dev-role"))).selectByValue("approver");
      driver.findElement(By.id("dev-sign-in")).click();
      waitFor(() -> textOf(By.id("user-name")).startsWith(APPROVER));
      driver.get(baseUrl() + "#/runs/" + runId);
      By runCard = By.cssSelector("#run-approvals article[data-approval-id='" + approvalId + "']");
      WebElement approverCard = waitForElement(runCard);
      assertThat(approverCard.findElements(By.cssSelector(".note"))).isEmpty();
      approverCard
          .findElement(By.cssSelector("textarea"))
          .sendKeys("checked the sign-in logs", Keys.TAB);
      WebElement approve = driver.switchTo().activeElement();
      assertThat(approve.getAttribute("data-decision")).isEqualTo("approve");
      approve.sendKeys(Keys.ENTER);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  Runs.asViewer()
                      .queryParam("state", "WAITING_APPROVAL")
                      .get("/api/v1/runs/" + runId + "/accounts")
                      .then()
                      .statusCode(200)
                      .body("items.size()", org.hamcrest.Matchers.is(0)));
      Runs.asViewer()
          .queryParam("run", runId)
          .get("/api/v1/approvals")
          .then()
          .body("items[0].state", org.hamcrest.Matchers.is("APPROVED"))
          .body("items[0].decidedBy", org.hamcrest.Matchers.is(APPROVER))
          .body("items[0].comment", org.hamcrest.Matchers.is("checked the sign-in logs"));
      waitFor(() -> driver.findElements(runCard).isEmpty());
      waitFor(
          () ->
              done(By.cssSelector("#steps-table tr[data-step='disable-privileged'] progress"))
                  == 3);
      screenshot();
    }
  }

  @Test
  void aResponderPausesAndResumesARunAndRetriesAFailedStepFromThePage() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-control
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
          - id: reset-password
            action: RESET_PASSWORD
            continueOnFailure: true
        """);
    String prefix = prefix("control");
    java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    // revocations are held until the test answers them; each account's first reset fails
    try (TestResponder responder =
        TestResponder.start(
            prefix,
            request -> {
              if (request.action() == ActionType.REVOKE_SESSIONS) {
                return null;
              }
              return failedOnce.add(request.account().objectId())
                  ? new TestResponder.Answer(
                      ActionOutcome.FAILED_PERMANENT,
                      ReasonCode.MISSING_PERMISSION,
                      "User-PasswordProfile.ReadWrite.All is not granted")
                  : TestResponder.Answer.succeeded();
            })) {
      String runId = Runs.start("dash-control", "INC-" + prefix, accounts(prefix, 2));
      await().atMost(WAIT).until(() -> responder.requests().size() == 2);

      openAs("#/runs/" + runId, RESPONDER, TestJwt.RESPONDER);
      WebElement pause = waitForElement(By.id("pause-run"));
      // the panel shows once the run is drawn and the user's roles allow control
      waitFor(pause::isDisplayed);
      pause.click();
      // no reason, no action: the page says so before the API would
      waitFor(() -> driver.findElement(By.id("control-error")).isDisplayed());
      assertThat(textOf(By.id("control-error"))).contains("reason");
      driver.findElement(By.id("control-reason")).sendKeys("checking the resets with IT");
      pause.click();
      waitFor(() -> !driver.findElements(By.id("run-paused")).isEmpty());
      assertThat(textOf(By.id("run-paused"))).contains(RESPONDER, "checking the resets with IT");
      assertThat(textOf(By.id("pause-run"))).isEqualTo("Resume run");
      assertThat(Runs.run(runId).getString("paused.by")).isEqualTo(RESPONDER);

      // answered while paused: the resets wait
      answer(responder, responder.requests());
      await().atMost(WAIT).until(() -> Runs.count(runId, "reset-password", "PENDING") == 2);
      driver.findElement(By.id("control-reason")).sendKeys("IT confirmed");
      driver.findElement(By.id("pause-run")).click();
      await().atMost(WAIT).until(() -> Runs.count(runId, "reset-password", "FAILED") == 2);
      waitFor(() -> driver.findElements(By.id("run-paused")).isEmpty());

      By retry = By.cssSelector("#steps-table button[data-retry='reset-password']");
      // the page may draw the first failure before the second: wait for both to be counted
      waitFor(() -> textOf(retry).equals("Retry (2)"));
      WebElement retryButton = driver.findElement(retry);
      driver.findElement(By.id("control-reason")).sendKeys("permission granted");
      retryButton.click();
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));
      assertThat(
              responder.requests().stream()
                  .filter(r -> r.action() == ActionType.RESET_PASSWORD)
                  .map(ActionRequested::actionId)
                  .distinct())
          .hasSize(4);
      screenshot();
    }
  }

  @Test
  void anIncidentPageFiltersAccountsByContainmentAndItsControlsActLive() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-incident
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
        """);
    String prefix = prefix("incident");
    String incident = "INC-" + prefix;
    List<ResolvedAccount> named = accounts(prefix, 3);
    // revocations are held until the test answers them
    try (TestResponder responder = TestResponder.start(prefix, request -> null)) {
      String runId = Runs.start("dash-incident", incident, named);
      await().atMost(WAIT).until(() -> responder.requests().size() == 3);
      answerAccounts(responder, named.get(0).objectId(), named.get(1).objectId());
      await().atMost(WAIT).until(() -> containmentCount(incident, "CONTAINED") == 2);

      openAs("#/incidents/" + incident, RESPONDER, TestJwt.RESPONDER);
      waitFor(() -> incidentAccountRows().size() == 3);
      markPage();
      Select filter = new Select(driver.findElement(By.id("containment-filter")));
      filter.selectByValue("CONTAINED");
      waitFor(
          () ->
              incidentAccountRows()
                  .equals(List.of(named.get(0).objectId(), named.get(1).objectId())));
      filter.selectByValue("IN_PROGRESS");
      waitFor(() -> incidentAccountRows().equals(List.of(named.get(2).objectId())));
      assertThat(textOf(By.id("incident-accounts-status"))).contains("being contained");

      // pause from the incident page: not without a reason
      By pause = By.cssSelector("#incident-runs button[data-pause='" + runId + "']");
      waitForElement(pause).click();
      waitFor(() -> driver.findElement(By.id("incident-control-error")).isDisplayed());
      assertThat(textOf(By.id("incident-control-error"))).contains("reason");
      driver.findElement(By.id("incident-reason")).sendKeys("checking with IT");
      driver.findElement(pause).click();
      await().atMost(WAIT).until(() -> RESPONDER.equals(Runs.run(runId).getString("paused.by")));
      waitFor(
          () ->
              textOf(By.cssSelector("[data-paused-run='" + runId + "']"))
                      .contains("checking with IT")
                  && textOf(pause).equals("Resume run"));
      driver.findElement(By.id("incident-reason")).sendKeys("IT agreed");
      driver.findElement(pause).click();
      await().atMost(WAIT).until(() -> Runs.run(runId).get("paused") == null);
      waitFor(() -> textOf(pause).equals("Pause run"));

      // the last account's answer contains the incident: the page follows without a reload
      answerAccounts(responder, named.get(2).objectId());
      waitFor(
          () -> "CONTAINED".equals(text(By.cssSelector("#incident-state .badge"), "data-state")));
      waitFor(() -> done(By.cssSelector("#main .summary progress")) == 3);
      waitFor(() -> incidentAccountRows().isEmpty());
      waitFor(() -> timelineActions().containsAll(List.of("run.paused", "run.resumed")));

      driver.findElement(By.id("incident-reason")).sendKeys("all contained, users told");
      driver.findElement(By.id("close-incident")).click();
      waitFor(() -> "CLOSED".equals(text(By.cssSelector("#incident-state .badge"), "data-state")));
      assertThat(textOf(By.id("incident-state"))).contains(RESPONDER, "all contained, users told");
      assertThat(driver.findElement(By.id("close-incident")).isDisplayed()).isFalse();
      assertPageNotReloaded();
      screenshot();
    }
  }

  @Test
  void accountRowsShowTheirTenantWhenThereIsMoreThanTheSingleTenantsDefault() throws Exception {
    String prefix = prefix("tenants");
    String incident = "INC-" + prefix;
    String contoso = "0c0c0c0c-0000-4000-8000-00000000c0c0";
    String fabrikam = "fabfabfa-0000-4000-8000-00000000fab0";
    String runId =
        Runs.start(
            "revoke-only",
            incident,
            List.of(
                tenantAccount(prefix + "a", "aiko@contoso.example", contoso, "contoso"),
                tenantAccount(prefix + "b", "bruno@fabrikam.example", fabrikam, "fabrikam")));
    String single = "INC-" + prefix + "single";
    String singleRun =
        Runs.start(
            "revoke-only",
            single,
            List.of(tenantAccount(prefix + "s", "sara@jaxa.example", contoso, "default")));

    // one tenant of a single-tenant deployment: no tenant line
    openAs("#/incidents/" + single, VIEWER, TestJwt.VIEWER);
    waitForElement(By.cssSelector("#incident-accounts tr[data-account='" + prefix + "s']"));
    assertThat(driver.findElements(By.cssSelector("#incident-accounts .tenant"))).isEmpty();

    openAs("#/incidents/" + incident, VIEWER, TestJwt.VIEWER);
    By fabrikamLine =
        By.cssSelector("#incident-accounts tr[data-account='" + prefix + "b'] .tenant");
    waitForElement(fabrikamLine);
    assertThat(textOf(fabrikamLine)).isEqualTo("Tenant fabrikam (" + fabrikam + ")");
    assertThat(
            textOf(By.cssSelector("#incident-accounts tr[data-account='" + prefix + "a'] .tenant")))
        .isEqualTo("Tenant contoso (" + contoso + ")");

    openAs("#/runs/" + singleRun, VIEWER, TestJwt.VIEWER);
    waitForElement(By.cssSelector("#accounts-table tr[data-account='" + prefix + "s']"));
    assertThat(driver.findElements(By.cssSelector("#accounts-table .tenant"))).isEmpty();

    openAs("#/runs/" + runId, VIEWER, TestJwt.VIEWER);
    By runLine = By.cssSelector("#accounts-table tr[data-account='" + prefix + "b'] .tenant");
    waitForElement(runLine);
    assertThat(textOf(runLine)).isEqualTo("Tenant fabrikam (" + fabrikam + ")");
    screenshot();
  }

  private static ResolvedAccount tenantAccount(
      String objectId, String upn, String tenantId, String tenantName) {
    return new ResolvedAccount(
        objectId,
        upn,
        tenantId,
        io.cordon.contracts.UserType.MEMBER,
        false,
        true,
        List.of(),
        List.of(),
        null,
        null,
        null,
        tenantName);
  }

  @Test
  void incidentControlsShowOnlyToTheRolesTheApiAllows() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-incident
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
        """);
    String prefix = prefix("roles");
    String incident = "INC-" + prefix;
    List<ResolvedAccount> named = accounts(prefix, 2);
    try (TestResponder responder = TestResponder.start(prefix, request -> null)) {
      String runId = Runs.start("dash-incident", incident, named);
      await().atMost(WAIT).until(() -> responder.requests().size() == 2);
      // one account contained (releasable), one still being contained (exclude, mark done)
      answerAccounts(responder, named.get(0).objectId());
      await().atMost(WAIT).until(() -> containmentCount(incident, "CONTAINED") == 1);
      String contained = named.get(0).objectId();
      String inProgress = named.get(1).objectId();

      // a viewer finds the incident in the list and sees all of it, and no control
      openAs("#/incidents", VIEWER, TestJwt.VIEWER);
      waitForElement(By.cssSelector("#incidents-table tr[data-incident='" + incident + "'] a"))
          .click();
      waitFor(() -> incidentAccountRows().size() == 2);
      waitFor(() -> !driver.findElements(By.cssSelector("#incident-runs tr[data-run]")).isEmpty());
      waitFor(() -> timelineActions().contains("run.started"));
      assertThat(driver.findElement(By.id("incident-control")).isDisplayed()).isFalse();
      assertThat(
              driver.findElements(
                  By.cssSelector("#incident-runs button, #incident-accounts button")))
          .isEmpty();
      // the viewer may download the evidence
      driver.findElement(By.id("export-json")).click();
      waitFor(() -> textOf(By.id("export-status")).startsWith("Downloaded"));
      screenshot("viewer");

      // a responder gets every control
      openAs("#/incidents/" + incident, RESPONDER, TestJwt.RESPONDER);
      waitForElement(By.cssSelector("#incident-runs button[data-pause='" + runId + "']"));
      waitForElement(By.cssSelector("button[data-release='" + contained + "']"));
      waitForElement(By.cssSelector("button[data-exclude='" + inProgress + "']"));
      waitForElement(By.cssSelector("button[data-mark-done='" + inProgress + "']"));
      assertThat(driver.findElement(By.id("close-incident")).isDisplayed()).isTrue();
      assertThat(driver.findElements(By.cssSelector("button[data-release='" + inProgress + "']")))
          .isEmpty();
      waitForElement(By.cssSelector("button[data-recontain='" + contained + "']"));
      assertThat(driver.findElements(By.cssSelector("button[data-recontain='" + inProgress + "']")))
          .isEmpty();

      // an admin controls runs, but release and close are a responder's (as the API has it)
      openAs("#/incidents/" + incident, "dora@jaxa.example", TestJwt.ADMIN);
      waitForElement(By.cssSelector("#incident-runs button[data-pause='" + runId + "']"));
      waitForElement(By.cssSelector("#incident-accounts tr[data-account='" + inProgress + "']"));
      String state = accountState(inProgress);
      // Exclude is offered while the account is being contained; the row says where it stands
      assertThat(driver.findElements(By.cssSelector("button[data-exclude='" + inProgress + "']")))
          .as("Exclude for the admin on an account in state %s", state)
          .hasSize(List.of("IN_PROGRESS", "PARTIAL", "REQUIRES_MANUAL").contains(state) ? 1 : 0);
      assertThat(driver.findElements(By.cssSelector("button[data-release]"))).isEmpty();
      assertThat(driver.findElements(By.cssSelector("button[data-recontain]"))).isEmpty();
      assertThat(driver.findElement(By.id("close-incident")).isDisplayed()).isFalse();
      screenshot();
      answerAccounts(responder, inProgress);
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));
    }
  }

  @Test
  void aResponderExcludesReleasesAndContainsAgainFromTheIncidentPage() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-incident
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
        """);
    String prefix = prefix("hands");
    String incident = "INC-" + prefix;
    List<ResolvedAccount> named = accounts(prefix, 3);
    String released = named.get(0).objectId();
    String again = named.get(1).objectId();
    String excluded = named.get(2).objectId();
    try (TestResponder responder = TestResponder.start(prefix, request -> null)) {
      String runId = Runs.start("dash-incident", incident, named);
      await().atMost(WAIT).until(() -> responder.requests().size() == 3);
      answerAccounts(responder, released, again);
      await().atMost(WAIT).until(() -> containmentCount(incident, "CONTAINED") == 2);

      openAs("#/incidents/" + incident, RESPONDER, TestJwt.RESPONDER);
      waitFor(() -> incidentAccountRows().size() == 3);
      markPage();

      // exclude the account still being contained (a false positive): not contained by the run
      By exclude = By.cssSelector("button[data-exclude='" + excluded + "']");
      waitForElement(exclude);
      driver.findElement(By.id("incident-reason")).sendKeys("false positive: test account");
      click(exclude);
      waitFor(() -> "UNCONTAINED".equals(accountState(excluded)));
      assertThat(textOf(By.id("incident-control-status"))).contains("done");
      // its revocation still in flight succeeds: the run ends, the account stays not contained
      answerAccounts(responder, excluded);
      waitFor(() -> "SUCCEEDED".equals(runRowState(runId)));
      assertThat(accountState(excluded)).isEqualTo("UNCONTAINED");

      // release a contained account: a release run waits for an approver, the account stays
      remote.accountService.stubFor(
          post(urlPathEqualTo("/api/v1/compromise-reports"))
              .withRequestBody(
                  WireMock.matchingJsonPath("$.incident.id", WireMock.equalTo(incident)))
              .willReturn(
                  okJson(
                          "{\"reportId\":\""
                              + UUID.randomUUID()
                              + "\",\"accepted\":1,\"rejected\":[],\"duplicates\":0}")
                      .withStatus(202)));
      By release = By.cssSelector("button[data-release='" + released + "']");
      click(release);
      waitFor(() -> driver.findElement(By.id("incident-control-error")).isDisplayed());
      assertThat(textOf(By.id("incident-control-error"))).contains("reason");
      driver.findElement(By.id("incident-reason")).sendKeys("user confirmed: was travelling");
      click(release);
      waitFor(() -> textOf(By.id("incident-control-status")).contains("waits for an approver"));
      assertThat(runsOf(incident)).containsKey("release-account");
      assertThat(accountState(released)).isEqualTo("CONTAINED");

      // contain another one again (activity after containment): a new run revokes it once more
      By recontain = By.cssSelector("button[data-recontain='" + again + "']");
      driver.findElement(By.id("incident-reason")).sendKeys("new sign-in from the attacker's ASN");
      click(recontain);
      waitFor(() -> "IN_PROGRESS".equals(accountState(again)));
      await()
          .atMost(WAIT)
          .until(() -> runsOf(incident).getOrDefault("dash-incident", List.of()).size() == 2);
      String againRun =
          runsOf(incident).get("dash-incident").stream()
              .filter(id -> !id.equals(runId))
              .findFirst()
              .orElseThrow();
      waitForElement(By.cssSelector("#incident-runs tr[data-run='" + againRun + "']"));
      await().atMost(WAIT).until(() -> responder.requests().size() == 4);
      ActionRequested second = responder.requests().get(3);
      assertThat(second.account().objectId()).isEqualTo(again);
      assertThat(second.runId()).isEqualTo(againRun);
      responder.answer(second, TestResponder.Answer.succeeded());
      waitFor(() -> "CONTAINED".equals(accountState(again)));
      waitFor(() -> timelineActions().contains("evidence.recontaining"));
      assertPageNotReloaded();
      screenshot();
    }
  }

  /** Clicks what the selector finds, again if a live redraw replaced it meanwhile. */
  private void click(By by) {
    waitFor(
        () -> {
          driver.findElement(by).click();
          return true;
        });
  }

  /** The incident's run ids by playbook name. */
  private static Map<String, List<String>> runsOf(String incident) {
    List<Map<String, Object>> items =
        Runs.asViewer()
            .queryParam("incident", incident)
            .get("/api/v1/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                item -> String.valueOf(((Map<?, ?>) item.get("playbook")).get("name")),
                java.util.stream.Collectors.mapping(
                    item -> String.valueOf(item.get("id")), java.util.stream.Collectors.toList())));
  }

  private String accountState(String objectId) {
    return text(
        By.cssSelector("#incident-accounts tr[data-account='" + objectId + "']"), "data-state");
  }

  private String runRowState(String runId) {
    return text(By.cssSelector("#incident-runs tr[data-run='" + runId + "']"), "data-state");
  }

  @Test
  void aDecisionOnAnOutdatedListIsRefusedAndTheNewListShown() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-joined
        steps:
          - id: disable
            action: DISABLE_ACCOUNT
            approval: {role: approver, timeout: 1h, onTimeout: fail}
        """);
    String prefix = prefix("joined");
    String reportId = "report-" + prefix;
    String incident = "INC-" + prefix;
    String reporterId = TestJwt.identityOf(RESPONDER);
    try (TestResponder responder =
        TestResponder.start(prefix, request -> TestResponder.Answer.succeeded())) {
      Runs.publish(
          Runs.chunk(
              reportId,
              1,
              2,
              "dash-joined",
              incident,
              List.of(Accounts.account(prefix, 1)),
              RESPONDER,
              reporterId));
      String runId = Runs.runOf(reportId);
      await().atMost(WAIT).until(() -> "WAITING_APPROVAL".equals(Runs.state(runId)));
      String approvalId = pendingApprovalOf(runId);

      openAs("#/approvals", APPROVER, TestJwt.APPROVER);
      By card = By.cssSelector("#approvals article[data-approval-id='" + approvalId + "']");
      waitFor(() -> textOf(card).contains("for 1 account"));

      // while the approver reads the card, a second account reaches the step and joins
      Runs.publish(
          Runs.chunk(
              reportId,
              2,
              2,
              "dash-joined",
              incident,
              List.of(Accounts.account(prefix, 2)),
              RESPONDER,
              reporterId));
      await().atMost(WAIT).until(() -> Runs.accountCount(runId, approvalId) == 2);
      driver.findElement(card).findElement(By.cssSelector("textarea")).sendKeys("one account");
      driver.findElement(card).findElement(By.cssSelector("button.approve")).click();

      // refused: the card comes back with the new list, the reason, and the comment kept
      waitFor(() -> textOf(card).contains("for 2 accounts"));
      WebElement redrawn = driver.findElement(card);
      assertThat(redrawn.findElement(By.cssSelector(".error")).getText())
          .contains("now covers 2 account(s), not 1");
      assertThat(redrawn.findElements(By.cssSelector(".accounts-preview li"))).hasSize(2);
      assertThat(redrawn.findElement(By.cssSelector("textarea")).getAttribute("value"))
          .isEqualTo("one account");
      assertThat(responder.requests()).isEmpty();
      screenshot("refused");

      redrawn.findElement(By.cssSelector("button.approve")).click();
      waitFor(() -> driver.findElements(card).isEmpty());
      Runs.asViewer()
          .queryParam("run", runId)
          .get("/api/v1/approvals")
          .then()
          .body("items[0].state", org.hamcrest.Matchers.is("APPROVED"))
          .body("items[0].accountCount", org.hamcrest.Matchers.is(2));
      screenshot();
    }
  }

  @Test
  void failureReasonsFiltersAndPartnerNotices() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-outcomes
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
        """);
    String prefix = prefix("outcomes");
    String incident = "INC-" + prefix;
    stubNotices(incident);
    try (TestResponder responder =
        TestResponder.start(
            prefix,
            request ->
                switch (Accounts.index(request.account().objectId())) {
                  case 1 ->
                      new TestResponder.Answer(
                          ActionOutcome.FAILED_PERMANENT,
                          ReasonCode.USER_NOT_FOUND,
                          "Graph answered 404: the user no longer exists");
                  case 2 ->
                      new TestResponder.Answer(
                          ActionOutcome.REQUIRES_MANUAL,
                          ReasonCode.ON_PREMISES_SYNCED,
                          "synced from on-premises: reset the password there");
                  case 3 -> null; // still with account-service
                  default -> TestResponder.Answer.succeeded();
                })) {
      String runId = Runs.start("dash-outcomes", incident, accounts(prefix, 5));
      await().atMost(WAIT).until(() -> Runs.count(runId, "revoke-sessions", "FAILED") == 1);

      openAs("#/runs/" + runId, VIEWER, TestJwt.VIEWER);
      waitFor(() -> accountRows().size() == 5);
      waitFor(
          () -> done(By.cssSelector("#steps-table tr[data-step='revoke-sessions'] progress")) == 4);

      Select filter = new Select(driver.findElement(By.id("account-filter")));
      filter.selectByVisibleText("Failed");
      waitFor(() -> accountRows().equals(List.of(prefix + "0001")));
      String failedCell = textOf(By.cssSelector("#accounts-table tbody td"));
      assertThat(failedCell)
          .contains("failed", "USER_NOT_FOUND", "Graph answered 404: the user no longer exists");

      filter.selectByVisibleText("Manual follow-up");
      waitFor(() -> accountRows().equals(List.of(prefix + "0002")));
      assertThat(textOf(By.cssSelector("#accounts-table tbody td")))
          .contains("ON_PREMISES_SYNCED", "reset the password there");

      filter.selectByVisibleText("Pending (not done yet)");
      waitFor(() -> accountRows().equals(List.of(prefix + "0003")));

      filter.selectByVisibleText("All accounts");
      waitFor(() -> accountRows().size() == 5);

      // partner notices come from notification-service's origin, with the token in the header
      waitFor(() -> !driver.findElements(By.cssSelector("#notices-table tbody tr")).isEmpty());
      String notices = textOf(By.id("notices-table"));
      assertThat(notices)
          .contains("Toyota Liaison", "failed", "HTTP 503", "JAXA Liaison", "delivered");
      List<LoggedRequest> noticeReads =
          stub.find(getRequestedFor(urlPathEqualTo("/api/v1/notifications")));
      assertThat(noticeReads).isNotEmpty();
      assertThat(noticeReads.get(0).getHeader("Authorization")).startsWith("Bearer ey");
      assertThat(noticeReads.get(0).getUrl()).doesNotContain("ey").contains("incident=");
      screenshot();

      // the same page at a phone's width: rows become cards, nothing scrolls sideways
      driver.manage().window().setSize(new Dimension(420, 900));
      waitFor(
          () ->
              ((Number) script("return document.documentElement.scrollWidth")).intValue()
                  <= ((Number) script("return window.innerWidth")).intValue());
      screenshot("narrow");
      responder.requests().stream()
          .filter(r -> Accounts.index(r.account().objectId()) == 3)
          .forEach(r -> responder.answer(r, TestResponder.Answer.succeeded()));
    }
  }

  @Test
  void partnerNoticesShowWhatEachPartnerGotOfTheRunsNotice() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-deliveries
        steps:
          - id: notify
            action: NOTIFY_PARTNERS
            scope: run
            waitForDelivery: 1h
        """);
    String prefix = prefix("deliveries");
    String incident = "INC-" + prefix;
    stubNotices(incident);
    String runId = Runs.start("dash-deliveries", incident, accounts(prefix, 1));
    String notificationId = ActionIds.ofRunStep(runId, "notify");
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(
          Topics.NOTIFICATION_RESULTS,
          incident,
          EventJson.write(
              new NoticesOpened(
                  NoticesOpened.SCHEMA_VERSION,
                  EventIds.random(),
                  notificationId,
                  incident,
                  List.of(
                      new OpenedNotice("partner-toyota", "Toyota", NotificationResult.WEBHOOK),
                      new OpenedNotice("partner-nasa", "NASA", NotificationResult.EMAIL)),
                  Instant.now())));
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                String.valueOf(Runs.run(runId).getString("steps[0].outcome.reason"))
                    .contains("0 of 2"));

    openAs("#/runs/" + runId, VIEWER, TestJwt.VIEWER);
    waitFor(
        () ->
            textOf(By.id("partner-deliveries"))
                .contains("No delivery results reported for this run"));
    // the notify step waits for the partners' deliveries, and says for whom
    assertThat(textOf(By.cssSelector("#steps-table tr[data-step='notify']")))
        .contains("Waiting for delivery", "0 of 2 notices settled", "Toyota", "NASA");

    // notification-service reports back: the page reads the results and the step's end on its own
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(
          Topics.NOTIFICATION_RESULTS,
          incident,
          EventJson.write(
              new NotificationDelivered(
                  NotificationDelivered.SCHEMA_VERSION,
                  EventIds.random(),
                  notificationId,
                  incident,
                  "partner-toyota",
                  NotificationResult.WEBHOOK,
                  1,
                  at)));
      kafka.send(
          Topics.NOTIFICATION_RESULTS,
          incident,
          EventJson.write(
              new NotificationFailed(
                  NotificationFailed.SCHEMA_VERSION,
                  EventIds.random(),
                  notificationId,
                  incident,
                  "partner-nasa",
                  NotificationResult.EMAIL,
                  8,
                  "gave up after 8 attempts; last: SMTP 550 mailbox unavailable",
                  at.plusSeconds(1))));
    }
    waitFor(() -> driver.findElements(By.cssSelector("#deliveries-table tbody tr")).size() == 2);
    assertThat(textOf(By.cssSelector("#deliveries-table tr[data-partner='partner-toyota']")))
        .contains("webhook", "delivered");
    assertThat(textOf(By.cssSelector("#deliveries-table tr[data-partner='partner-nasa']")))
        .contains("email", "failed", "8", "SMTP 550 mailbox unavailable")
        .doesNotContain("delivered");
    waitFor(
        () ->
            textOf(By.cssSelector("#steps-table tr[data-step='notify']"))
                .contains("DELIVERY_FAILED"));
    assertThat(textOf(By.cssSelector("#steps-table tr[data-step='notify']")))
        .contains("NASA (partner-nasa) [email: gave up after 8 attempts")
        .doesNotContain("Waiting for delivery");
    script("arguments[0].scrollIntoView()", driver.findElement(By.id("notices-title")));
    screenshot();
  }

  @Test
  void anonymousVisitorsSeeOnlyTheSignIn() throws Exception {
    driver.get(baseUrl());
    script("sessionStorage.clear()");
    driver.get(baseUrl() + "?fresh#/runs");
    waitForElement(By.id("dev-sign-in"));
    assertThat(driver.findElements(By.id("runs-table"))).isEmpty();
    assertThat(driver.findElement(By.id("nav")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("oidc-sign-in")).isDisplayed()).isTrue();
    screenshot();
  }

  @Test
  void oidcSignInUsesAuthorizationCodeWithPkce() throws Exception {
    String authority = stubUrl + DashboardStubResource.OIDC_PATH;
    String token = TestJwt.token("olivia@jaxa.example", TestJwt.VIEWER);
    stub.register(
        get(urlPathEqualTo(DashboardStubResource.OIDC_PATH + "/.well-known/openid-configuration"))
            .willReturn(
                okJson(
                    JSON.writeValueAsString(
                        Map.of(
                            "issuer", authority,
                            "authorization_endpoint", authority + "/authorize",
                            "token_endpoint", authority + "/token")))));
    // the provider signs the user in at once and sends the browser back with a code
    stub.register(
        get(urlPathEqualTo(DashboardStubResource.OIDC_PATH + "/authorize"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader(
                        "Location",
                        "{{request.query.redirect_uri}}?code=code-123&state={{request.query.state}}")
                    .withTransformers("response-template")));
    stub.register(
        post(urlPathEqualTo(DashboardStubResource.OIDC_PATH + "/token"))
            .willReturn(
                okJson(
                    JSON.writeValueAsString(
                        Map.of(
                            "access_token", token, "token_type", "Bearer", "expires_in", 600)))));

    driver.get(baseUrl());
    script("sessionStorage.clear()");
    driver.get(baseUrl() + "?fresh#/approvals");
    waitForElement(By.id("oidc-sign-in")).click();
    waitFor(() -> textOf(By.id("user-name")).startsWith("olivia@jaxa.example"));
    waitForElement(By.id("approvals"));
    assertThat(driver.getCurrentUrl()).doesNotContain("code=").endsWith("#/approvals");

    LoggedRequest authorize =
        stub.find(getRequestedFor(urlPathEqualTo(DashboardStubResource.OIDC_PATH + "/authorize")))
            .get(0);
    assertThat(authorize.queryParameter("response_type").firstValue()).isEqualTo("code");
    assertThat(authorize.queryParameter("client_id").firstValue())
        .isEqualTo(DashboardStubResource.CLIENT_ID);
    assertThat(authorize.queryParameter("scope").firstValue())
        .isEqualTo("openid profile api://cordon/.default");
    assertThat(authorize.queryParameter("code_challenge_method").firstValue()).isEqualTo("S256");
    Map<String, String> exchange =
        form(
            stub.find(postRequestedFor(urlPathEqualTo(DashboardStubResource.OIDC_PATH + "/token")))
                .get(0)
                .getBodyAsString());
    assertThat(exchange)
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "code-123")
        .containsEntry("client_id", DashboardStubResource.CLIENT_ID)
        .containsEntry("redirect_uri", baseUrl());
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(exchange.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
    assertThat(authorize.queryParameter("code_challenge").firstValue()).isEqualTo(challenge);
    screenshot();
  }

  @Test
  void devSignInIssuesShortLivedTokensTheApiAccepts() throws Exception {
    driver.get(baseUrl());
    script("sessionStorage.clear()");
    driver.get(baseUrl() + "?fresh#/runs");
    WebElement name = waitForElement(By.id("dev-name"));
    name.clear();
    name.sendKeys("dana@jaxa.example");
    new Select(driver.findElement(By.id("dev-role"))).selectByValue("viewer");
    name.sendKeys(Keys.ENTER);
    waitFor(() -> textOf(By.id("user-name")).equals("dana@jaxa.example (viewer)"));
    waitForElement(By.id("runs-table"));
    screenshot();

    String token =
        JSON.readTree((String) script("return sessionStorage.getItem('cordon.session')"))
            .get("token")
            .asText();
    Map<?, ?> claims =
        JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
    assertThat(claims.get("upn")).isEqualTo("dana@jaxa.example");
    assertThat(claims.get("roles")).isEqualTo(List.of("viewer"));
    assertThat(claims.get("groups")).isNull();
    assertThat(String.valueOf(claims.get("aud"))).contains(TestJwt.AUDIENCE);
    assertThat(claims.get("iss")).isEqualTo(TestJwt.ISSUER);
    long lifetime =
        ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
    assertThat(lifetime).isEqualTo(600); // cordon.dashboard.dev-sign-in.token-lifetime=10m
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(token)
        .get("/api/v1/runs")
        .then()
        .statusCode(200);
    io.restassured.RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "dana@jaxa.example", "role", "superuser"))
        .post("/dashboard/dev-sign-in")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.is("role"));
    io.restassured.RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "dana smith\n", "role", "viewer"))
        .post("/dashboard/dev-sign-in")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.is("name"));
  }

  @Test
  void runsListShowsStatusStepBarsAndOutcomes() throws Exception {
    Runs.putPlaybook(
        """
        name: dash-list
        steps:
          - id: revoke-sessions
            action: REVOKE_SESSIONS
          - id: reset-password
            action: RESET_PASSWORD
            continueOnFailure: true
          - id: remove-forwarding
            action: REMOVE_FORWARDING_RULES
        """);
    String prefix = prefix("list");
    try (TestResponder responder =
        TestResponder.start(
            prefix,
            request -> {
              int i = Accounts.index(request.account().objectId());
              return switch (request.action()) {
                case REVOKE_SESSIONS ->
                    i % 7 == 4
                        ? new TestResponder.Answer(
                            ActionOutcome.FAILED_PERMANENT, ReasonCode.USER_NOT_FOUND, "gone")
                        : TestResponder.Answer.succeeded();
                case RESET_PASSWORD ->
                    Accounts.isSynced(i)
                        ? new TestResponder.Answer(
                            ActionOutcome.REQUIRES_MANUAL,
                            ReasonCode.ON_PREMISES_SYNCED,
                            "reset on-premises")
                        : TestResponder.Answer.succeeded();
                default -> i < 12 ? TestResponder.Answer.succeeded() : null;
              };
            })) {
      String runId = Runs.start("dash-list", "INC-" + prefix, accounts(prefix, 20));
      await().atMost(WAIT).until(() -> Runs.count(runId, "remove-forwarding", "SUCCEEDED") == 10);

      openAs("#/runs", VIEWER, TestJwt.VIEWER);
      String rowCss = "tr[data-run-id='" + runId + "']";
      By row = By.cssSelector(rowCss);
      waitFor(
          () ->
              driver.findElements(row).size() == 1
                  && driver.findElement(row).findElements(By.cssSelector(".step-bars li")).size()
                      == 3);
      assertThat(textOf(row)).contains("INC-" + prefix, "dash-list v1", "running");
      assertThat(chip(rowCss, "failed")).isEqualTo(Runs.queryLong(countSql("FAILED"), runId));
      assertThat(chip(rowCss, "manual")).isEqualTo(2); // accounts 0 and 10 are synced
      assertThat(chip(rowCss, "skipped"))
          .isEqualTo(Runs.queryLong(countSql("SKIPPED"), runId))
          .isPositive();
      assertThat(chip(rowCss, "waiting")).isPositive();
      assertThat(
              text(
                  By.cssSelector(rowCss + " li[data-step='reset-password'] progress"),
                  "aria-label"))
          .isEqualTo("Step reset-password: 20 of 20 done");
      screenshot();

      driver.findElement(By.linkText("INC-" + prefix)).click();
      waitForElement(By.cssSelector("#steps-table tr[data-step='remove-forwarding']"));
      waitFor(() -> accountRows().size() == 20);
      script("window.scrollTo(0, 0)");
      screenshot("detail");
      responder.requests().stream()
          .filter(r -> r.action() == io.cordon.contracts.ActionType.REMOVE_FORWARDING_RULES)
          .filter(r -> Accounts.index(r.account().objectId()) >= 12)
          .forEach(r -> responder.answer(r, TestResponder.Answer.succeeded()));
    }
  }

  private static String countSql(String state) {
    return "select count(*) from step_execution where run_id = ? and state = '" + state + "'";
  }

  private long chip(String rowCss, String name) {
    return Long.parseLong(textOf(By.cssSelector(rowCss + " [data-count='" + name + "'] strong")));
  }

  // ---- helpers

  private String baseUrl() {
    return "http://localhost:" + port + "/";
  }

  private static String prefix(String test) {
    return "dash-" + test + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private static List<ResolvedAccount> accounts(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> Accounts.account(prefix, i)).toList();
  }

  private static void answer(TestResponder responder, List<ActionRequested> requests) {
    requests.forEach(request -> responder.answer(request, TestResponder.Answer.succeeded()));
  }

  private static String pendingApprovalOf(String runId) {
    return Runs.asViewer()
        .queryParam("state", "pending")
        .queryParam("run", runId)
        .get("/api/v1/approvals")
        .then()
        .statusCode(200)
        .extract()
        .path("items[0].id");
  }

  /** Signs the page in as if the user had just signed in, then opens the route afresh. */
  private void openAs(String route, String principal, String... roles) throws Exception {
    String token = TestJwt.token(principal, roles);
    String session =
        JSON.writeValueAsString(
            Map.of(
                "token",
                token,
                "source",
                "test",
                "name",
                principal,
                "roles",
                List.of(roles),
                "expiresAt",
                System.currentTimeMillis() / 1000 + 3600));
    driver.get(baseUrl());
    script("sessionStorage.setItem('cordon.session', arguments[0])", session);
    driver.get(baseUrl() + "?t=" + System.nanoTime() + route);
  }

  private void stubNotices(String incident) throws Exception {
    Map<String, Object> failing =
        Map.of(
            "id", "d-1",
            "channel", "webhook",
            "status", "FAILED",
            "attemptCount", 3,
            "finalReason", "gave up after 3 attempts; last: HTTP 503",
            "attempts",
                List.of(
                    Map.of(
                        "number",
                        3,
                        "outcome",
                        "RETRYABLE",
                        "statusCode",
                        503,
                        "error",
                        "HTTP 503")));
    Map<String, Object> delivered =
        Map.of(
            "id", "d-2",
            "channel", "email",
            "recipient", "soc@jaxa-liaison.example",
            "status", "DELIVERED",
            "attemptCount", 1,
            "attempts", List.of(Map.of("number", 1, "outcome", "DELIVERED")));
    Map<String, Object> incidentRef = Map.of("id", incident, "title", "VPN intrusion");
    Map<String, Object> page =
        Map.of(
            "items",
            List.of(
                Map.of(
                    "id",
                    "n-1",
                    "incident",
                    incidentRef,
                    "partner",
                    Map.of("id", "p-1", "name", "Toyota Liaison"),
                    "sequence",
                    1,
                    "tlp",
                    "TLP:AMBER",
                    "deliveries",
                    List.of(failing)),
                Map.of(
                    "id",
                    "n-2",
                    "incident",
                    incidentRef,
                    "partner",
                    Map.of("id", "p-2", "name", "JAXA Liaison"),
                    "sequence",
                    1,
                    "tlp",
                    "TLP:AMBER",
                    "deliveries",
                    List.of(delivered))));
    stub.register(
        get(urlPathEqualTo("/api/v1/notifications"))
            .withQueryParam(
                "incident", com.github.tomakehurst.wiremock.client.WireMock.equalTo(incident))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
            .willReturn(okJson(JSON.writeValueAsString(page))));
  }

  private static void answerAccounts(TestResponder responder, String... objectIds) {
    List<String> ids = List.of(objectIds);
    responder.requests().stream()
        .filter(request -> ids.contains(request.account().objectId()))
        .forEach(request -> responder.answer(request, TestResponder.Answer.succeeded()));
  }

  private static int containmentCount(String incident, String state) {
    return Runs.asViewer()
        .queryParam("state", state)
        .get("/api/v1/incidents/" + incident + "/accounts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }

  private List<String> incidentAccountRows() {
    return driver.findElements(By.cssSelector("#incident-accounts tbody tr")).stream()
        .map(row -> row.getAttribute("data-account"))
        .toList();
  }

  private List<String> timelineActions() {
    return driver.findElements(By.cssSelector("#incident-timeline tbody tr")).stream()
        .map(row -> row.getAttribute("data-action"))
        .toList();
  }

  private List<String> accountRows() {
    return driver.findElements(By.cssSelector("#accounts-table tbody tr")).stream()
        .map(row -> row.getAttribute("data-account"))
        .toList();
  }

  private long done(By progress) {
    String value = text(progress, "value");
    return value == null ? -1 : Long.parseLong(value);
  }

  private long total(By progress) {
    String value = text(progress, "data-total");
    return value == null ? -1 : Long.parseLong(value);
  }

  /**
   * The text of the element, found again if the page re-rendered it between finding and reading.
   */
  private String textOf(By by) {
    for (int tries = 1; ; tries++) {
      try {
        return driver.findElement(by).getText();
      } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
        if (tries == 5) {
          throw replaced;
        }
      }
    }
  }

  /**
   * The attribute of the first element found, or null. The pages re-render on every stream update,
   * so an element found can be replaced before it is read: it is found again.
   */
  private String text(By by, String attribute) {
    for (int tries = 1; ; tries++) {
      try {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0).getAttribute(attribute);
      } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
        if (tries == 5) {
          throw replaced;
        }
      }
    }
  }

  private void markPage() {
    script("window.cordonTestMark = 'still the same page'");
  }

  private void assertPageNotReloaded() {
    assertThat(script("return window.cordonTestMark")).isEqualTo("still the same page");
  }

  private Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private void waitFor(java.util.function.BooleanSupplier condition) {
    try {
      new WebDriverWait(driver, WAIT)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .ignoring(NumberFormatException.class)
          .until(d -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("condition not met within " + WAIT + "; " + pageState(), e);
    }
  }

  private WebElement waitForElement(By by) {
    try {
      return new WebDriverWait(driver, WAIT)
          .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no " + by + " within " + WAIT + "; " + pageState(), e);
    }
  }

  /** What the page says and which of its requests are unanswered (streams included). */
  private String pageState() {
    try {
      return String.valueOf(
          script(
              "const text = (id) => { const e = document.getElementById(id); return e ? e.textContent : null; };"
                  + " const now = Date.now();"
                  + " const pending = window.__pendingFetches ? [...window.__pendingFetches.values()]"
                  + "   .map((f) => f.url + ' (' + (now - f.since) + ' ms)') : [];"
                  + " return 'location ' + location.hash + '; accounts status: ' + text('incident-accounts-status')"
                  + "   + '; control error: ' + text('incident-control-error')"
                  + "   + '; unanswered fetches: ' + JSON.stringify(pending);"));
    } catch (RuntimeException e) {
      return "page state unreadable: " + e;
    }
  }

  private void screenshot() throws Exception {
    screenshot(null);
  }

  private void screenshot(String suffix) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path file =
        SCREENSHOTS.resolve(
            getClass().getSimpleName()
                + "-"
                + testName
                + (suffix == null ? "" : "-" + suffix)
                + ".png");
    screenshotTaken = true;
    Files.copy(
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static Map<String, String> form(String body) {
    return java.util.Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            java.util.stream.Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
  }
}
