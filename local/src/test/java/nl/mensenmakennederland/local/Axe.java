package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.RepositoryRoot;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (site/node_modules/axe-core, installed by the build's npm ci) run in the page the
 * browser shows now, with axe's default rules. A page's test waits until the page shows what it is
 * to be checked in, then calls {@link #assertAccessible}; the results land in target/axe/.
 */
final class Axe {

    static final Path RESULTS = Path.of("target", "axe");
    private static final Path SCRIPT = RepositoryRoot.path().resolve("site/node_modules/axe-core/axe.min.js");
    /** What fails a page: an obstacle that keeps people out, not a blemish (axe's moderate and minor). */
    static final Set<String> FAILING = Set.of("serious", "critical");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document).then(result => done(JSON.stringify({
              version: axe.version,
              url: location.pathname,
              passes: result.passes.length,
              incomplete: result.incomplete.map(rule => ({ id: rule.id, nodes: rule.nodes.length })),
              violations: result.violations.map(rule => ({ id: rule.id, impact: rule.impact, help: rule.help,
                nodes: rule.nodes.map(node => node.target.flat().join(' ')) })),
            })), error => done(JSON.stringify({ error: String(error) })));
            """;

    private Axe() {}

    /** One rule the page breaks, where (CSS selectors of the elements) and how badly. */
    record Violation(String id, String impact, String help, List<String> targets) {}

    /** One rule axe could not decide by itself (a person must look), and on how many elements. */
    record Undecided(String id, int nodes) {}

    record Report(String page, String url, String axeVersion, int passes, List<Violation> violations, List<Undecided> undecided) {

        List<Violation> failing() {
            return violations.stream().filter(v -> FAILING.contains(v.impact())).toList();
        }

        /** A short table: the rules broken, by impact, with their elements; then what axe left to a person. */
        String table() {
            StringBuilder out = new StringBuilder("axe-core %s on %s (%s)%n".formatted(axeVersion, page, url))
                    .append("rules passed: %d, violated: %d (serious or critical: %d), undecided: %d%n%n"
                            .formatted(passes, violations.size(), failing().size(), undecided.size()));
            if (violations.isEmpty()) {
                out.append("no violations\n");
            } else {
                out.append("%-9s %-28s %5s  %s%n".formatted("impact", "rule", "nodes", "help"));
                for (Violation v : violations) {
                    out.append("%-9s %-28s %5d  %s%n".formatted(v.impact(), v.id(), v.targets().size(), v.help()));
                    v.targets().stream().limit(5).forEach(target -> out.append("          ").append(target).append('\n'));
                }
            }
            if (!undecided.isEmpty()) {
                out.append("\nundecided (for a person to check): ")
                        .append(String.join(", ", undecided.stream().map(u -> u.id() + " (" + u.nodes() + ")").toList()))
                        .append('\n');
            }
            return out.toString();
        }
    }

    /** Checks the page as it is now, writes target/axe/{@code page}.txt and fails on a serious or critical violation. */
    static Report assertAccessible(WebDriver browser, String page) {
        Report report = check(browser, page);
        assertThat(report.failing()).as("serious or critical axe-core violations on " + page + ":\n" + report.table()).isEmpty();
        return report;
    }

    /** Checks the page as it is now and writes target/axe/{@code page}.txt. */
    static Report check(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try {
            if (!Boolean.TRUE.equals(js.executeScript("return typeof axe === 'object'"))) {
                js.executeScript(Files.readString(SCRIPT, StandardCharsets.UTF_8));
            }
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            JsonNode result = Json.MAPPER.readTree((String) js.executeAsyncScript(RUN));
            assertThat(result.path("error").asText()).as("axe.run on " + page).isEmpty();
            Report report = new Report(page, result.path("url").asText(), result.path("version").asText(),
                    result.path("passes").asInt(),
                    result.path("violations").valueStream().map(v -> new Violation(v.path("id").asText(), v.path("impact").asText(),
                            v.path("help").asText(), v.path("nodes").valueStream().map(JsonNode::asText).toList())).toList(),
                    result.path("incomplete").valueStream()
                            .map(u -> new Undecided(u.path("id").asText(), u.path("nodes").asInt())).toList());
            Files.createDirectories(RESULTS);
            Files.writeString(RESULTS.resolve(page + ".txt"), report.table(), StandardCharsets.UTF_8);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core (" + SCRIPT + ", installed by the build's npm ci) on " + page, e);
        }
    }
}
