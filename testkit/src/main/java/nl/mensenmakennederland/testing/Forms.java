package nl.mensenmakennederland.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;

/** Registration requests as the website's form sends them. */
public final class Forms {

    private Forms() {}

    public static String registration(String name, String email, int seats) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", name);
        form.put("email", email);
        form.put("seats", seats);
        form.put("consent", true);
        return Jackson.write(form);
    }

    public static APIGatewayV2HTTPEvent post(String eventId, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.putIfAbsent("content-type", "application/json");
        return ApiRequests.request("POST /events/{id}/registrations", "/events/" + eventId + "/registrations",
                Map.of("id", eventId), Map.of(), headers, body);
    }

    public static APIGatewayV2HTTPEvent view(String registrationId, String token) {
        return ApiRequests.get("GET /registrations/{id}", "/registrations/" + registrationId,
                Map.of("id", registrationId), token == null ? Map.of() : Map.of("token", token));
    }

    public static APIGatewayV2HTTPEvent cancel(String registrationId, String token) {
        return ApiRequests.request("DELETE /registrations/{id}", "/registrations/" + registrationId,
                Map.of("id", registrationId), token == null ? Map.of() : Map.of("token", token), Map.of(), null);
    }

    /** The token of a manage link such as {@code https://site/beheer.html?registration=..&token=..}. */
    public static String tokenOf(String manageUrl) {
        return manageUrl.substring(manageUrl.indexOf("token=") + "token=".length());
    }
}
