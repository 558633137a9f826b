package dev.ronbun.ingest.api;

import dev.ronbun.contracts.events.DocumentFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Lists {@link DocumentFormat}'s wire names as the allowed values of every {@code format} a request can carry (query
 * parameter or form field) in the API documentation, so the documentation takes the list from its one definition.
 */
public class DocumentFormatsInApiDocs implements OASFilter {

    private static final String FORMAT = "format";

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (FORMAT.equals(parameter.getName())) {
            parameter.setSchema(formats());
        }
        return parameter;
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getRequestBody() == null) {
            return operation;
        }
        Content content = operation.getRequestBody().getContent();
        if (content == null || content.getMediaTypes() == null) {
            return operation;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            Schema body = media.getSchema();
            Map<String, Schema> properties = body == null ? null : body.getProperties();
            if (properties != null && properties.containsKey(FORMAT)) {
                body.addProperty(FORMAT, formats());
            }
        }
        return operation;
    }

    private static Schema formats() {
        List<Object> names = Arrays.stream(DocumentFormat.values()).<Object>map(DocumentFormat::wireName).toList();
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(names)
                .description("detected from the document when absent");
    }
}
