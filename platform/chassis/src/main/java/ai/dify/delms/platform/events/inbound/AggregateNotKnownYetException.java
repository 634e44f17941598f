package ai.dify.delms.platform.events.inbound;

/**
 * The event needs an aggregate this consumer has not learnt of yet (e.g. an update of a license
 * whose creation has not been consumed). Thrown by a handler instead of a plain exception, it is
 * retried with back-off for a while (decision 16), then dead-lettered for an operator to replay.
 */
public class AggregateNotKnownYetException extends RuntimeException {

    public AggregateNotKnownYetException(String message) {
        super(message);
    }
}
