package nl.mensenmakennederland.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * What the mailer asked SES to do, as the SDK sent it: moto accepts a send's configuration set
 * and tags but keeps neither, and publishes no events. An interceptor on the test's SES client
 * notes each accepted send, so a test can hand the mail feedback what SES would publish for it.
 */
public final class SesSends implements ExecutionInterceptor {

    /** One send SES accepted: to whom, through which configuration set, with which tags, under which message id. */
    public record Send(List<String> to, String configurationSet, Map<String, String> tags, String messageId) {}

    private final List<Send> sends = new CopyOnWriteArrayList<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof SendEmailRequest request && context.response() instanceof SendEmailResponse response) {
            sends.add(new Send(request.destination().toAddresses(), request.configurationSetName(),
                    request.emailTags().stream().collect(Collectors.toMap(MessageTag::name, MessageTag::value)),
                    response.messageId()));
        }
    }

    public List<Send> all() {
        return List.copyOf(sends);
    }

    public List<Send> to(String address) {
        return sends.stream().filter(send -> send.to().contains(address)).toList();
    }
}
