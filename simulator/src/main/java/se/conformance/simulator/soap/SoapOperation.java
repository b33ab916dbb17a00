package se.conformance.simulator.soap;

import java.util.Objects;

/**
 * One contract operation as the dispatcher knows it: where it is served, the SOAPAction that
 * names it, and the files that define it.
 *
 * @param service        the service it belongs to, e.g. {@code efrikort}
 * @param name           the operation, e.g. {@code RegisterTransaction}
 * @param path           the HTTP path, e.g. {@code /efrikortService/RegisterTransaction/3/rivtabp21}
 * @param soapAction     the SOAPAction of the WSDL binding
 * @param schemaResource classpath resource of the responder schema that validates the request
 * @param wsdlResource   classpath resource of the WSDL served at {@code path?wsdl}
 */
public record SoapOperation(String service, String name, String path, String soapAction,
        String schemaResource, String wsdlResource) {

    public SoapOperation {
        Objects.requireNonNull(service);
        Objects.requireNonNull(name);
        Objects.requireNonNull(path);
        Objects.requireNonNull(soapAction);
        Objects.requireNonNull(schemaResource);
        Objects.requireNonNull(wsdlResource);
    }
}
