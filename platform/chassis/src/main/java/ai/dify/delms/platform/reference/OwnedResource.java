package ai.dify.delms.platform.reference;

/**
 * A kind of resource another service owns, and where that service serves one by id.
 *
 * @param owner the owning service's name in discovery, e.g. {@code sales-service}
 * @param name  what one is called in messages, e.g. {@code sales rep}
 * @param path  the owner's path of one, with {@code {id}}, e.g. {@code /api/v1/sales-reps/{id}}
 */
public record OwnedResource(String owner, String name, String path) {
}
