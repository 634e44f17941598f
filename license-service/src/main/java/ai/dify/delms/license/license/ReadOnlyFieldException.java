package ai.dify.delms.license.license;

import ai.dify.delms.platform.problem.BadFieldException;

/** An update that tries to change a field fixed at creation (or changed only by a transition): 400. */
public class ReadOnlyFieldException extends BadFieldException {

    ReadOnlyFieldException(String field, String message) {
        super(field, message);
    }
}
