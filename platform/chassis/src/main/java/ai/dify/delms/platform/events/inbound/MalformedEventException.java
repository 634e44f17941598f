package ai.dify.delms.platform.events.inbound;

/** A record that is not a readable DELMS CloudEvent. Retrying cannot help: it goes straight to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
