package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.ApiRequests;

/** Entry forms and requests as the website sends them. */
final class EntryForms {

    private EntryForms() {}

    /** A complete form: every field, the current consent, children in the vlog with their guardians' consent. */
    static ObjectNode complete() {
        ObjectNode form = Json.MAPPER.createObjectNode()
                .put("initiative", "Taalcafé De Brug")
                .put("organisation", "Stichting Welzijn Zwolle")
                .put("municipality", "zwolle")
                .put("contactName", "Sanne de Vries")
                .put("email", "sanne@taalcafedebrug.nl")
                .put("title", "Iedereen aan tafel")
                .put("description", "Elke dinsdag schuiven nieuwe buren aan bij ons taalcafé; zo voelen ze zich welkom.");
        form.putObject("file").put("name", "IMG_4821.MOV").put("size", 312_475_648L).put("contentType", "video/quicktime");
        form.putObject("consent").put("version", ConsentText.CURRENT).put("publication", true).put("recognisablePeople", true)
                .put("minorsAppear", true).put("guardians", true);
        return form;
    }

    static APIGatewayV2HTTPEvent post(ObjectNode form) {
        return ApiRequests.request("POST /prizes/entries", "/prizes/entries", Map.of(), Map.of(),
                Map.of("content-type", "application/json"), form.toString());
    }

    static APIGatewayV2HTTPEvent view(String entryId, String token) {
        return ApiRequests.request("GET /prizes/entries/{id}", "/prizes/entries/" + entryId, Map.of("id", entryId),
                token == null ? Map.of() : Map.of("token", token), Map.of(), null);
    }

    static APIGatewayV2HTTPEvent withdraw(String entryId, String token) {
        return ApiRequests.request("DELETE /prizes/entries/{id}", "/prizes/entries/" + entryId, Map.of("id", entryId),
                token == null ? Map.of() : Map.of("token", token), Map.of(), null);
    }

    /** The token in a manage link {@code …/inzending.html?entry=…&token=…}. */
    static String tokenOf(String manageUrl) {
        return manageUrl.substring(manageUrl.indexOf("&token=") + "&token=".length());
    }
}
