package nl.mensenmakennederland.testing;

import java.util.Optional;

/**
 * An emulator with the resources of template.yaml and SDK clients pointed at it: what a test
 * (or the local runner) works against instead of an AWS account.
 */
public final class LocalAws implements AutoCloseable {

    private final SamTemplate template;
    private final AwsEmulator emulator;
    private final EmulatorClients clients;

    public LocalAws(SamTemplate template, AwsEmulator emulator) {
        this.template = template;
        this.emulator = emulator;
        this.clients = EmulatorClients.forEndpoint(emulator.endpoint());
    }

    /** Wipes the emulator and creates every table and bucket of the template again. */
    public void reset() {
        emulator.reset();
        new ResourceProvisioner(template, clients).createAll();
    }

    public SamTemplate template() {
        return template;
    }

    public EmulatorClients clients() {
        return clients;
    }

    public String endpoint() {
        return emulator.endpoint();
    }

    /** The local name of a table or bucket, by its logical id in template.yaml. */
    public String name(String logicalId) {
        return template.physicalName(logicalId);
    }

    public AwsEmulator emulator() {
        return emulator;
    }

    public Optional<MotoServer> moto() {
        return emulator instanceof MotoServer moto ? Optional.of(moto) : Optional.empty();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
