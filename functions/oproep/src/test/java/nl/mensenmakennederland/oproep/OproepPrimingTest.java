package nl.mensenmakennederland.oproep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SnapStart priming of the Oproep functions: the answers they are meant to get, nothing written, nothing counted. */
@ExtendWith(AwsEmulatorExtension.class)
class OproepPrimingTest {

    @Test
    void primingGetsTheExpectedAnswersAndWritesNothing(LocalAws aws) {
        OproepBackend backend = OproepBackend.freshWithSeedVariants(aws, OproepHandlersTest.CLOCK);
        List<Map<String, AttributeValue>> before = backend.everything();

        List<PrimingRequest.Answer> list = backend.list.prime();
        List<PrimingRequest.Answer> download = backend.download.prime();
        List<PrimingRequest.Answer> stats = backend.stats.prime();
        backend.replay.prime();
        List<PrimingRequest.Answer> upload = backend.startUpload.prime();
        List<PrimingRequest.Answer> put = backend.putVariant.prime();
        List<PrimingRequest.Answer> poster = backend.poster.prime();

        assertThat(list).extracting(PrimingRequest.Answer::status).containsExactly(200);
        assertThat(download).extracting(PrimingRequest.Answer::status).containsExactly(404);
        assertThat(stats).extracting(PrimingRequest.Answer::status).containsExactly(200);
        assertThat(upload).extracting(PrimingRequest.Answer::status).containsExactly(201);
        assertThat(put).extracting(PrimingRequest.Answer::status).containsExactly(422);
        assertThat(poster).extracting(PrimingRequest.Answer::status).containsExactly(422);
        assertThat(backend.aws.clients().s3().listObjectsV2(r -> r.bucket(backend.aws.name("OproepAssetsBucket")).prefix("posters/"))
                .contents()).as("no poster stored").isEmpty();
        assertThat(backend.everything()).isEqualTo(before);
    }
}
