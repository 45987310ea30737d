package nl.mensenmakennederland.mail;

import nl.mensenmakennederland.shared.AwsClients;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** This environment's SES client, built once, when the mailer first needs it (only the mail package holds SES). */
final class Ses {

    static final SesV2Client CLIENT = AwsClients.built(SesV2Client.class, AwsClients.configure(SesV2Client.builder()).build());

    private Ses() {}
}
