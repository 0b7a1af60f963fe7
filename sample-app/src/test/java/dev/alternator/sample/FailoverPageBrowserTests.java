package dev.alternator.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failover page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): click kill on
 * a node, watch it turn quarantined with no requests while the other nodes carry the load and the failure count stays
 * 0. Skipped where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing ({@code .ci/run} installs
 * them). Leaves a screenshot of the page under the kill in {@code target/failover-under-kill.png}.
 */
@EnabledIf("chromiumInstalled")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.load.enabled=true", "demo.load.requests-per-second=100" })
@Import(LocalClusterConfiguration.class)
class FailoverPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	LocalCluster cluster;

	WebDriver browser;

	static boolean chromiumInstalled() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	@BeforeEach
	void openBrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,700");
		// The Debian driver, never one downloaded by Selenium Manager.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.cluster.nodes().forEach(LocalNode::restart);
	}

	@Test
	void killButtonQuarantinesTheNodeAndNoRequestFails() throws Exception {
		this.browser.get("http://localhost:" + this.port + "/failover.html");
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			List<WebElement> rows = rows();
			assertThat(rows).hasSize(3);
			assertThat(rows).allSatisfy((row) -> {
				assertThat(field(row, "state")).isEqualTo("live");
				assertThat(Long.parseLong(field(row, "perSecond"))).isPositive();
				assertThat(row.findElement(By.name("kill")).isEnabled()).isTrue();
			});
		});
		String victim = rows().get(0).getAttribute("data-address");

		rows().get(0).findElement(By.name("kill")).click();

		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			WebElement killed = row(victim);
			assertThat(field(killed, "state")).isEqualTo("quarantined");
			assertThat(field(killed, "process")).isEqualTo("killed");
			assertThat(field(killed, "perSecond")).isEqualTo("0");
			assertThat(rows()).filteredOn((row) -> !victim.equals(row.getAttribute("data-address")))
				.allSatisfy((row) -> assertThat(Long.parseLong(field(row, "perSecond"))).isPositive());
		});
		long succeeded = Long.parseLong(this.browser.findElement(By.id("succeeded")).getText());
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
			.until(() -> Long.parseLong(this.browser.findElement(By.id("succeeded")).getText()) > succeeded + 50);
		assertThat(this.browser.findElement(By.id("failed")).getText()).isEqualTo("0");

		Path screenshot = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(screenshot, Path.of("target", "failover-under-kill.png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private List<WebElement> rows() {
		return this.browser.findElements(By.cssSelector("#nodes tr"));
	}

	private WebElement row(String address) {
		return this.browser.findElement(By.cssSelector("#nodes tr[data-address='" + address + "']"));
	}

	private static String field(WebElement row, String name) {
		return row.findElement(By.cssSelector("td[data-field='" + name + "']")).getText();
	}

}
