package nl.mensenmakennederland.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo site: files of {@code site/}, read on every request so edits show at once. Not what only
 * builds it (its npm packages and their manifest), which the deployed site does not have either:
 * pages use the copies {@code npm ci} puts in {@code vendor/}.
 */
final class StaticSite {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "map", "application/json",
            "txt", "text/plain; charset=utf-8");

    /** Top-level names in site/ that are the build's, not the site's (README, Deploy: not uploaded either). */
    private static final Set<String> NOT_PUBLISHED = Set.of("node_modules", "package.json", "package-lock.json", "vendor.mjs");

    private final Path root;

    StaticSite(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Optional<LocalResponse> get(String rawPath) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.endsWith("/")) {
            path += "index.html";
        }
        Path file = root.resolve(path.substring(1)).normalize();
        // No way out of site/, whatever the path says.
        if (!file.startsWith(root) || NOT_PUBLISHED.contains(root.relativize(file).getName(0).toString())
                || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        try {
            return Optional.of(new LocalResponse(200, Map.of(
                    "content-type", List.of(TYPES.getOrDefault(extension, "application/octet-stream")),
                    "cache-control", List.of("no-cache")), Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
