package se.conformance.simulator.control;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import se.conformance.simulator.control.ControlExchange.BadRequest;
import se.conformance.simulator.evidence.EvidenceSigner;

/**
 * {@code /control/evidence/**}: the operator's signature over an evidence manifest and the
 * operator's certificate, so the harness can have its bundle signed and an approver can fetch
 * the certificate to trust (docs/trust-evidence.md).
 */
final class EvidenceControl {

    private final EvidenceSigner signer;

    EvidenceControl(EvidenceSigner signer) {
        this.signer = signer;
    }

    ResponseDefinition handle(ControlExchange request) {
        String what = request.depth() == 2 ? request.segment(1) : null;
        if ("certificate".equals(what)) {
            request.requireMethod(RequestMethod.GET);
            return answer("application/x-pem-file", signer.key().pem().getBytes(StandardCharsets.US_ASCII));
        }
        if ("signature".equals(what)) {
            request.requireMethod(RequestMethod.POST);
            byte[] manifest = request.request().getBody();
            if (manifest == null || manifest.length == 0) throw new BadRequest(400, "body: the manifest bytes to sign are required");
            if (manifest.length > EvidenceSigner.MAX_CONTENT_BYTES) {
                throw new BadRequest(413, "body: " + manifest.length + " bytes; a manifest of at most "
                        + EvidenceSigner.MAX_CONTENT_BYTES + " bytes is signed, not the files themselves");
            }
            return answer("application/pkcs7-signature", signer.sign(manifest));
        }
        throw request.notFound();
    }

    private ResponseDefinition answer(String contentType, byte[] body) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", contentType)
                .withHeader("X-Operator-Certificate-SHA256", signer.key().fingerprint().replace(":", ""))
                .withBody(body).build();
    }
}
