package nl.mensenmakennederland.testing;

/** A local stand-in for AWS that SDK clients can be pointed at. */
public interface AwsEmulator extends AutoCloseable {

    String endpoint();

    /** Forgets all state: tables, buckets, mails, identities. */
    void reset();

    @Override
    void close();
}
