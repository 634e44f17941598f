package ai.dify.delms.platform.partner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.directory.SalesParty;

/**
 * Lets a controller method declare a {@link PartnerCaller} parameter. A request that is not a
 * partner's (a missing access rule would let it through) is refused with 403 rather than served
 * unfiltered.
 */
class PartnerCallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final ObjectProvider<SalesDirectory> directory;

    PartnerCallerArgumentResolver(ObjectProvider<SalesDirectory> directory) {
        this.directory = directory;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PartnerCaller.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!PartnerAccess.isPartner(authentication)) {
            throw new AccessDeniedException("Not a partner token");
        }
        String code = ((JwtAuthenticationToken) authentication).getToken().getClaimAsString(PartnerAccess.RESELLER_CLAIM);
        SalesDirectory resellers = directory.getIfAvailable();
        if (resellers == null) {
            throw new IllegalStateException("PartnerCaller needs the sales directory: set delms.directory.sales.enabled=true");
        }
        return new PartnerCaller(code, resellers.activeResellerByCode(code).map(SalesParty::id).orElse(null));
    }
}
