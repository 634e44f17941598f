package ai.dify.delms.platform.web;

import java.net.URI;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code Location} of something a request created, built one way in every service: an absolute
 * URL on the origin the caller used. Through the gateway that is the gateway's scheme, host and port
 * (the services honour its forwarded headers, {@code server.forward-headers-strategy}), so a client
 * can follow the link as it is.
 */
public final class Locations {

    private Locations() {
    }

    /** E.g. {@code Locations.of("/api/v1/licenses/{id}", license.getId())}. */
    public static URI of(String pathTemplate, Object... variables) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(pathTemplate).buildAndExpand(variables).toUri();
    }
}
