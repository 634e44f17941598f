package ai.dify.delms.platform.problem;

/** A request the controller cannot interpret (bad paging or filter parameters): 400. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String detail) {
        super(detail);
    }
}
