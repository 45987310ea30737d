package nl.mensenmakennederland.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One thing measured: a function of template.yaml or a reference handler, with the classpath
 * and environment its JVM gets and the sample event its first invocation receives.
 *
 * @param name      the template's logical id, or the reference's name
 * @param reference whether this is a reference (floor, naive) rather than one of our functions
 * @param trigger   what invokes it: an HTTP route key, a stream, ...
 * @param sample    the sample event in events/ (null when none was found)
 * @param fixture   prepares the state the sample needs and rewrites it for one invocation
 */
record Variant(String name, boolean reference, String handlerClass, String trigger, List<Path> classpath,
               Map<String, String> environment, Path sample, Fixture fixture) {

    boolean measurable() {
        return sample != null;
    }
}
