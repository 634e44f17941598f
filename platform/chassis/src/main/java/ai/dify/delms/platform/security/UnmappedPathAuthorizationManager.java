package ai.dify.delms.platform.security;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The final rule of every service: deny by default. A request no {@link ServiceAccessRules} matched
 * is denied when some handler would serve it (an endpoint nobody declared rules for: 403); an
 * authenticated request for a path that does not exist at all is let through, so it gets an
 * honest 404 problem instead of a misleading 403.
 */
class UnmappedPathAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();
    private final Supplier<List<HandlerMapping>> handlerMappings;

    UnmappedPathAuthorizationManager(Supplier<List<HandlerMapping>> handlerMappings) {
        this.handlerMappings = handlerMappings;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !trustResolver.isAuthenticated(auth)) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(!isMapped(context.getRequest()));
    }

    private boolean isMapped(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            for (HandlerMapping mapping : handlerMappings.get()) {
                try {
                    if (mapping.getHandler(request) != null) {
                        return true;
                    }
                } catch (Exception matchedButNotServable) {
                    // e.g. the path exists for another HTTP method: it is a known endpoint
                    return true;
                }
            }
            return false;
        } finally {
            // the lookup may leave matching attributes behind; the dispatcher computes its own
            request.removeAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.MATRIX_VARIABLES_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
