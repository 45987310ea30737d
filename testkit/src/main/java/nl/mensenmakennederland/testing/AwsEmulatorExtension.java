package nl.mensenmakennederland.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives a test class a running AWS emulator holding the resources of template.yaml, wiped and
 * provisioned afresh for the class; tests receive it as a {@link LocalAws} parameter.
 *
 * <p>The emulator starts once per test run and stops when the run ends: {@code moto_server}
 * by default; LocalStack in Docker with {@code AWS_EMULATOR=localstack}. When the chosen one
 * cannot run here, the tests are skipped with the reason.
 */
public final class AwsEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AwsEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalAws aws = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalAws.class, key -> start(), LocalAws.class);
        aws.reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).get(LocalAws.class, LocalAws.class);
    }

    private static LocalAws start() {
        String choice = System.getenv().getOrDefault("AWS_EMULATOR", "moto");
        AwsEmulator emulator = switch (choice) {
            case "moto" -> {
                if (!MotoServer.installed()) {
                    throw new TestAbortedException(
                            "moto_server is not on the PATH: install it with pip install 'moto[server]'");
                }
                yield MotoServer.start(Path.of("target", "moto_server.log"));
            }
            case "localstack" -> {
                if (!LocalStackEmulator.dockerAvailable()) {
                    throw new TestAbortedException("AWS_EMULATOR=localstack, but no Docker engine answers here");
                }
                yield LocalStackEmulator.start();
            }
            default -> throw new IllegalArgumentException("AWS_EMULATOR must be moto or localstack, not " + choice);
        };
        return new LocalAws(SamTemplate.load(), emulator);
    }
}
