package se.conformance.simulator.intyg.rules;

import com.helger.commons.error.IError;
import com.helger.commons.error.level.EErrorLevel;
import com.helger.commons.io.resource.ClassPathResource;
import com.helger.commons.state.EContinue;
import com.helger.schematron.pure.SchematronResourcePure;
import com.helger.schematron.pure.bound.IPSBoundSchema;
import com.helger.schematron.pure.errorhandler.IPSErrorHandler;
import com.helger.schematron.pure.model.PSAssertReport;
import com.helger.schematron.pure.model.PSPattern;
import com.helger.schematron.pure.model.PSRule;
import com.helger.schematron.pure.validation.IPSValidationHandler;
import com.helger.schematron.pure.validation.SchematronValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One Schematron rule file, compiled once (ph-schematron's pure engine, XPath by Saxon-HE) and then
 * applied to any number of certificates, from any number of threads: each validation collects into
 * its own handler, the compiled expressions are Saxon's, and the engine keeps {@code sch:let} values
 * per thread (CertificateTypeRulesTest checks concurrent use).
 *
 * <p>Conventions every rule file must follow, checked when it is compiled: each assert has an
 * {@code id}, and its text is plain (no {@code value-of} or {@code name}), because the text is the
 * message the real service returns verbatim.
 */
final class RuleFile {

    /** Namespace of the {@code r:question} attribute that names the question an assert concerns. */
    static final String RULES_NS = "urn:se:conformance:simulator:intyg:rules";
    static final String CORE_NS = "urn:riv:clinicalprocess:healthcond:certificate:3";

    private final String name;
    private final IPSBoundSchema schema;

    private RuleFile(String name, IPSBoundSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** Compiles the rule file at {@code path}; an invalid file is an {@link IllegalStateException} naming it. */
    static RuleFile compile(String name, String path, ClassLoader loader) {
        SchematronResourcePure resource = new SchematronResourcePure(new ClassPathResource(path, loader));
        resource.setUseCache(false); // CertificateTypeRules caches per loader and location; the engine's cache is global by path
        resource.setErrorHandler(failOn(path));
        IPSBoundSchema schema;
        try {
            schema = resource.getOrCreateBoundSchema();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Regelfilen " + path + " kan inte kompileras: " + e.getMessage(), e);
        }
        checkConventions(path, schema);
        return new RuleFile(name, schema);
    }

    String name() {
        return name;
    }

    /** The violations of {@code certificate} (a document whose element is the intyg), in rule-file order. */
    List<RuleViolation> check(Document certificate) {
        List<RuleViolation> violations = new ArrayList<>();
        IPSValidationHandler collector = new IPSValidationHandler() {
            @Override
            public EContinue onFailedAssert(PSRule rule, PSAssertReport assertion, String testExpression, Node node,
                    int index, Object context, Exception error) {
                return record(assertion, node, error);
            }

            @Override
            public EContinue onSuccessfulReport(PSRule rule, PSAssertReport report, String testExpression, Node node,
                    int index, Object context, Exception error) {
                return record(report, node, error);
            }

            private EContinue record(PSAssertReport assertion, Node node, Exception error) {
                if (error != null) {
                    // A rule that cannot be evaluated is a defect of the rule file, not of the certificate.
                    throw new IllegalStateException(
                            "Regel " + assertion.getID() + " i " + name + " kunde inte utvärderas: " + error.getMessage(), error);
                }
                violations.add(new RuleViolation(assertion.getID(), questionOf(assertion, node),
                        collapse(assertion.getTest()), collapse(String.join("", assertion.getAllTexts()))));
                return EContinue.CONTINUE;
            }
        };
        try {
            schema.validate(certificate, null, collector);
        } catch (SchematronValidationException e) {
            throw new IllegalStateException("Regelfilen " + name + " kunde inte tillämpas: " + e.getMessage(), e);
        }
        return violations;
    }

    private static String questionOf(PSAssertReport assertion, Node node) {
        String declared = assertion.getAllForeignAttributes().get("question");
        if (declared != null) return declared;
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && CORE_NS.equals(e.getNamespaceURI())
                    && ("delsvar".equals(e.getLocalName()) || "svar".equals(e.getLocalName()))) {
                return e.getAttribute("id");
            }
        }
        return "";
    }

    private static void checkConventions(String path, IPSBoundSchema schema) {
        for (PSPattern pattern : schema.getOriginalSchema().getAllPatterns()) {
            for (PSRule rule : pattern.getAllRules()) {
                for (PSAssertReport assertion : rule.getAllAssertReports()) {
                    if (assertion.getID() == null || assertion.getID().isBlank()) {
                        throw new IllegalStateException("Regelfilen " + path + ": en regel i " + rule.getContext() + " saknar id");
                    }
                    if (!assertion.getAllValueOfs().isEmpty() || !assertion.getAllNames().isEmpty()) {
                        throw new IllegalStateException("Regelfilen " + path + ": regel " + assertion.getID()
                                + " har value-of/name i texten; meddelanden ska vara fast text");
                    }
                }
            }
        }
    }

    private static IPSErrorHandler failOn(String path) {
        return (IError error) -> {
            if (error.getErrorLevel().isGE(EErrorLevel.ERROR)) {
                throw new IllegalStateException("Regelfilen " + path + ": " + error.getAsString(Locale.ROOT));
            }
        };
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
