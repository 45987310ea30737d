package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The manage link in the mails over its life: across a rotation of the signing key, up to the
 * end of the registration's retention, and tampered with. Against DynamoDB and SSM in moto.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ManageLinkTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String EXPEDITIE = "exp-2027-02-04-amersfoort";

    CampaignBackend backend;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        this.backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
    }

    private static JsonNode register(CampaignBackend on, String name, String email) {
        APIGatewayV2HTTPResponse response = ApiContract.call(on.register, 
                Forms.post(EXPEDITIE, Forms.registration(name, email, 1), Map.of()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiRequests.body(response);
    }

    private static String id(JsonNode registration) {
        return registration.get("registrationId").asText();
    }

    private static String token(JsonNode registration) {
        return Forms.tokenOf(registration.get("manageUrl").asText());
    }

    private static APIGatewayV2HTTPResponse view(CampaignBackend on, String registrationId, String token) {
        return ApiContract.call(on.getRegistration, Forms.view(registrationId, token));
    }

    private static APIGatewayV2HTTPResponse cancel(CampaignBackend on, String registrationId, String token) {
        return ApiContract.call(on.cancelRegistration, Forms.cancel(registrationId, token));
    }

    private static String title(APIGatewayV2HTTPResponse response) {
        return ApiRequests.body(response).get("title").asText();
    }

    private String status(String registrationId) {
        return backend.registrations.find(registrationId).orElseThrow().status().code();
    }

    @Test
    void aLinkMailedBeforeAKeyRotationStillWorksAfterIt() {
        JsonNode anna = register(backend, "Anna de Vries", "anna@example.nl");

        CampaignBackend rotated = backend.afterKeyRotation();
        JsonNode bram = register(rotated, "Bram Jansen", "bram@example.nl");

        assertThat(token(bram).split("\\.")[0]).as("the new key signs new links").isNotEqualTo(token(anna).split("\\.")[0]);
        assertThat(view(rotated, id(anna), token(anna)).getStatusCode()).isEqualTo(200);
        assertThat(view(rotated, id(bram), token(bram)).getStatusCode()).isEqualTo(200);
        assertThat(cancel(rotated, id(anna), token(anna)).getStatusCode()).isEqualTo(200);
        assertThat(status(id(anna))).isEqualTo("cancelled");
    }

    @Test
    void aLinkSignedWithARetiredKeyIsRefused() {
        JsonNode anna = register(backend, "Anna de Vries", "anna@example.nl");

        CampaignBackend twiceRotated = backend.afterKeyRotation().afterKeyRotation();

        APIGatewayV2HTTPResponse viewed = view(twiceRotated, id(anna), token(anna));
        assertThat(viewed.getStatusCode()).isEqualTo(403);
        assertThat(viewed.getHeaders().get("content-type")).startsWith("application/problem+json");
        assertThat(title(viewed)).isEqualTo("Link niet meer geldig");
        assertThat(viewed.getBody()).doesNotContain("Anna", "anna@example.nl");
        assertThat(cancel(twiceRotated, id(anna), token(anna)).getStatusCode()).isEqualTo(403);
        assertThat(status(id(anna))).isEqualTo("confirmed");
    }

    /** moto never deletes expired items (nor does DynamoDB at once): the registration is still there, the link must not open it. */
    @Test
    void aLinkExpiresWhenTheRegistrationsRetentionEnds() {
        JsonNode anna = register(backend, "Anna de Vries", "anna@example.nl");
        Instant end = backend.events.find(EXPEDITIE).orElseThrow().endsAt()
                .plus(Duration.ofDays(Long.parseLong(backend.env.get("RETENTION_DAYS"))));

        CampaignBackend justBefore = backend.at(Clock.fixed(end.minusSeconds(1), ZoneOffset.UTC));
        CampaignBackend after = backend.at(Clock.fixed(end, ZoneOffset.UTC));

        assertThat(view(justBefore, id(anna), token(anna)).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse expired = view(after, id(anna), token(anna));
        assertThat(expired.getStatusCode()).isEqualTo(403);
        assertThat(title(expired)).isEqualTo("Link verlopen");
        assertThat(cancel(after, id(anna), token(anna)).getStatusCode()).isEqualTo(403);
        assertThat(status(id(anna))).isEqualTo("confirmed");
    }

    @Test
    void aTamperedKeyIdOrExpiryIsRefused() {
        JsonNode anna = register(backend, "Anna de Vries", "anna@example.nl");
        CampaignBackend rotated = backend.afterKeyRotation();
        String[] parts = token(anna).split("\\.");
        assertThat(parts).hasSize(3);
        String otherKeyId = rotated.desk.links().token("AAAAAAAAAAAAAAAAAAAAAA").split("\\.")[0];
        String later = Long.toString(Long.parseLong(parts[1]) + 365L * 86_400);
        char otherFirst = parts[2].charAt(0) == 'A' ? 'B' : 'A';

        for (String tampered : new String[] {
                otherKeyId + "." + parts[1] + "." + parts[2],                        // the other kept key's id
                "AAAAAAAA." + parts[1] + "." + parts[2],                             // a key id that never existed
                parts[0] + "." + later + "." + parts[2],                             // a year more
                parts[0] + "." + parts[1] + "." + otherFirst + parts[2].substring(1), // another signature
                parts[2]}) {                                                         // the signature alone
            APIGatewayV2HTTPResponse response = view(rotated, id(anna), tampered);
            assertThat(response.getStatusCode()).as(tampered).isEqualTo(403);
            assertThat(cancel(rotated, id(anna), tampered).getStatusCode()).as(tampered).isEqualTo(403);
        }
        assertThat(status(id(anna))).isEqualTo("confirmed");
        assertThat(view(rotated, id(anna), token(anna)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void anAddressRegisteredBeforeARotationCannotRegisterAgainAfterIt() {
        register(backend, "Anna de Vries", "anna@example.nl");

        APIGatewayV2HTTPResponse again = ApiContract.call(backend.afterKeyRotation().register, 
                Forms.post(EXPEDITIE, Forms.registration("Anna de Vries", "Anna@Example.nl", 1), Map.of()));

        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(title(again)).isEqualTo("Al aangemeld");
        assertThat(backend.registrations.ofEvent(EXPEDITIE)).hasSize(1);
    }

    @Test
    void cancellingAfterARotationLetsTheAddressRegisterAgain() {
        JsonNode anna = register(backend, "Anna de Vries", "anna@example.nl");
        CampaignBackend rotated = backend.afterKeyRotation();

        assertThat(cancel(rotated, id(anna), token(anna)).getStatusCode()).isEqualTo(200);

        register(rotated, "Anna de Vries", "anna@example.nl");
    }
}
