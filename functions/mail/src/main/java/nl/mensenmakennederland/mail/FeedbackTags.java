package nl.mensenmakennederland.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * The SES message tags that tie a mail's feedback (bounce, complaint) to the record it was
 * about: the outbox mail's id and its {@code regarding} ({@code registration/<id>}) split in two,
 * because a tag value may hold only ASCII letters, digits, {@code _} and {@code -} (at most 256).
 * SES hands the tags back in every event it publishes for the mail ({@code mail.tags}).
 *
 * @param kind     the kind of record ({@code registration}, {@code prize-entry}), null if none is named
 * @param recordId its id, null if none is named
 */
record FeedbackTags(String mailId, String kind, String recordId) {

    static final String MAIL_ID = "mail-id";
    static final String KIND = "regarding-kind";
    static final String RECORD_ID = "regarding-id";

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** A mail's tags: its id, and what it is about if {@code regarding} is {@code kind/id} of tag-safe parts. */
    static FeedbackTags of(String mailId, String regarding) {
        String[] parts = regarding == null ? new String[0] : regarding.split("/", -1);
        boolean names = parts.length == 2 && safe(parts[0]) && safe(parts[1]);
        return new FeedbackTags(safe(mailId) ? mailId : null, names ? parts[0] : null, names ? parts[1] : null);
    }

    /** The tags of a published event ({@code mail.tags}, the first value of each). */
    static FeedbackTags from(Map<String, String> tags) {
        String kind = tags.get(KIND);
        String id = tags.get(RECORD_ID);
        boolean names = safe(kind) && safe(id);
        return new FeedbackTags(tags.get(MAIL_ID), names ? kind : null, names ? id : null);
    }

    boolean namesARecord() {
        return kind != null;
    }

    List<MessageTag> messageTags() {
        List<MessageTag> tags = new ArrayList<>();
        if (mailId != null) {
            tags.add(MessageTag.builder().name(MAIL_ID).value(mailId).build());
        }
        if (namesARecord()) {
            tags.add(MessageTag.builder().name(KIND).value(kind).build());
            tags.add(MessageTag.builder().name(RECORD_ID).value(recordId).build());
        }
        return tags;
    }

    private static boolean safe(String value) {
        return value != null && VALUE.matcher(value).matches();
    }
}
