package ai.dify.delms.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Refuses with 406 problem+json a request whose {@code Accept} names nothing the handler can answer
 * with, <em>before</em> the handler runs. Spring MVC itself negotiates only when it writes the
 * answer, after the handler's transaction has committed: a write would be saved and reported as
 * failed, and its retry would write it twice. What a handler can answer with is what Spring would
 * choose from: its mapping's {@code produces}, else the media types of the message converters that
 * can write its return type (JSON for the DELMS APIs). Handlers without a body (204, 201 without
 * content) and problem details (always problem+json) have nothing to negotiate.
 */
class AcceptHeaderInterceptor implements HandlerInterceptor {

    private static final List<Class<?>> NOT_NEGOTIATED_HERE = List.of(Void.class, void.class, ProblemDetail.class,
            Callable.class, CompletionStage.class, DeferredResult.class, WebAsyncTask.class, ResponseBodyEmitter.class,
            StreamingResponseBody.class);

    private final Supplier<ContentNegotiationManager> negotiation;
    private final Supplier<List<HttpMessageConverter<?>>> converters;
    private final Map<HandlerMethod, List<MediaType>> producible = new ConcurrentHashMap<>();

    AcceptHeaderInterceptor(Supplier<ContentNegotiationManager> negotiation,
            Supplier<List<HttpMessageConverter<?>>> converters) {
        this.negotiation = negotiation;
        this.converters = converters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            // the mapping's own produces was matched against Accept already
            return true;
        }
        List<MediaType> answers = producible.computeIfAbsent(method, this::producibleBy);
        if (answers.isEmpty()) {
            return true;
        }
        for (MediaType accepted : negotiation.get().resolveMediaTypes(new ServletWebRequest(request))) {
            for (MediaType answer : answers) {
                if (accepted.isCompatibleWith(answer)) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(answers);
    }

    private List<MediaType> producibleBy(HandlerMethod method) {
        Class<?> body = bodyType(method);
        if (body == null || NOT_NEGOTIATED_HERE.stream().anyMatch(type -> type.isAssignableFrom(body))) {
            return List.of();
        }
        List<MediaType> types = new ArrayList<>();
        for (HttpMessageConverter<?> converter : converters.get()) {
            if (converter.canWrite(body, null)) {
                converter.getSupportedMediaTypes(body).stream().filter(type -> !types.contains(type)).forEach(types::add);
            }
        }
        return List.copyOf(types);
    }

    /** The class of the answer's body, or null for a handler that renders a view. */
    private static Class<?> bodyType(HandlerMethod method) {
        MethodParameter returnType = method.getReturnType();
        Class<?> type = returnType.getParameterType();
        if (HttpEntity.class.isAssignableFrom(type)) {
            return ResolvableType.forMethodParameter(returnType).as(HttpEntity.class).getGeneric(0).toClass();
        }
        boolean responseBody = AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || method.hasMethodAnnotation(ResponseBody.class);
        return responseBody ? type : null;
    }
}
