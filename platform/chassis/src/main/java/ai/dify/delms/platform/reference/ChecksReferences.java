package ai.dify.delms.platform.reference;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose request names resources of other services, any of which may have to be
 * looked up at its owner ({@link ReferenceLookup}): its OpenAPI operation lists the 503 that answers
 * a reference its owner could not be asked about, next to the responses springdoc derives.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChecksReferences {

    /** The 503's description in the OpenAPI document. */
    String RESPONSE = "A referenced resource is not known to this service yet (created a moment ago elsewhere) "
            + "and its owning service could not be asked: problem+json of type urn:delms:problem:unavailable "
            + "whose detail names the reference, with Retry-After. Nothing was changed; send the request again later.";
}
