package nl.mensenmakennederland.bench;

import java.nio.file.Path;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment.Credentials;

/**
 * One thing measured: a function of template.yaml or a reference handler, with what Lambda
 * knows of it (handler, task root, environment) and the sample event its invocations receive.
 *
 * @param name        the template's logical id, or the reference's name
 * @param reference   whether this is a reference (floor, naive) rather than one of our functions
 * @param trigger     what invokes it: an HTTP route key, a stream, ...
 * @param sample      the sample event in events/ (null when none was found)
 * @param fixture     prepares the state the sample needs and rewrites it for one invocation
 * @param fresh       the credentials of its fresh-JVM runs ({@code $LATEST}: access keys)
 * @param snapStart   the credentials of its SnapStart runs (a SnapStart version: the container endpoint)
 * @param comparison  whether this is the same function with the other credentials, to compare their cost
 */
record Variant(String name, boolean reference, String trigger, ExecutionEnvironment.Function function, Path sample,
               Fixture fixture, Credentials fresh, Credentials snapStart, boolean comparison) {

    boolean measurable() {
        return sample != null;
    }

    /** The same function with the credentials swapped in both kinds of run. */
    Variant withOtherCredentials() {
        return new Variant(name + " (other credentials)", reference, trigger, function, sample, fixture,
                other(fresh), other(snapStart), true);
    }

    private static Credentials other(Credentials credentials) {
        return credentials == Credentials.ACCESS_KEYS ? Credentials.CONTAINER : Credentials.ACCESS_KEYS;
    }
}
