package nl.mensenmakennederland.prizes;

import java.time.Instant;
import nl.mensenmakennederland.shared.outbox.MailProblem;

/**
 * One entry for the prizes: who entered, the vlog, the consent given (which wording, when), what
 * the upload check found (the video's facts once submitted, the reason once rejected), and the
 * admins' decision once there is one.
 */
public record Entry(String id, EntryStatus status, String initiative, String organisation, String municipality,
                    String contactName, String email, String title, String description, String fileName, long declaredBytes,
                    String contentType, String consentVersion, Instant consentedAt, boolean minorsAppear, Instant createdAt,
                    VideoFacts video, Rejection rejection, Instant checkedAt, JuryDecision decision, MailProblem mailProblem) {

    /** An admin's decision on an entry (its status says which): why, when, by whom. */
    public record JuryDecision(String note, Instant at, String by) {}

    static Entry awaitingUpload(String id, EntryForm form, Instant now) {
        return new Entry(id, EntryStatus.AWAITING_UPLOAD, form.initiative(), form.organisation(), form.municipality(),
                form.contactName(), form.email(), form.title(), form.description(), form.fileName(), form.fileSize(),
                form.contentType(), form.consentVersion(), now, form.minorsAppear(), now, null, null, null, null, null);
    }

    Entry submitted(VideoFacts facts, Instant now) {
        return new Entry(id, EntryStatus.SUBMITTED, initiative, organisation, municipality, contactName, email, title,
                description, fileName, declaredBytes, contentType, consentVersion, consentedAt, minorsAppear, createdAt, facts,
                null, now, null, mailProblem);
    }

    Entry rejected(Rejection why, Instant now) {
        return new Entry(id, EntryStatus.REJECTED, initiative, organisation, municipality, contactName, email, title,
                description, fileName, declaredBytes, contentType, consentVersion, consentedAt, minorsAppear, createdAt, null,
                why, now, null, mailProblem);
    }

    Entry decided(EntryStatus decision, JuryDecision why) {
        return new Entry(id, decision, initiative, organisation, municipality, contactName, email, title, description,
                fileName, declaredBytes, contentType, consentVersion, consentedAt, minorsAppear, createdAt, video, rejection,
                checkedAt, why, mailProblem);
    }

    /** Before the jury: its video passed the check and it was not withdrawn. */
    boolean beforeTheJury() {
        return EntryStatus.BEFORE_THE_JURY.contains(status);
    }
}
