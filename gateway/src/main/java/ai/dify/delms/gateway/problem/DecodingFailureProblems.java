package ai.dify.delms.gateway.problem;

import ai.dify.delms.platform.problem.ProblemTypes;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Requests Reactor Netty cannot decode never reach Spring: an over-long request line (414),
 * over-large headers (431), a request line or header that is not HTTP (400). Reactor Netty answers
 * them itself with an empty body and closes the connection, and offers no hook to shape that answer.
 * This handler sits next to the HTTP codec of every connection and gives exactly those answers
 * (an error status, no body, no content type, {@code Connection: close}) a problem+json body.
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String HANDLER = "delms.decodingFailureProblems";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, ProblemBody.INSTANCE);
            }
        });
    }

    @ChannelHandler.Sharable
    static final class ProblemBody extends ChannelOutboundHandlerAdapter {

        static final ProblemBody INSTANCE = new ProblemBody();

        private static final Set<Integer> DECODING_FAILURES = Set.of(400, 414, 431);

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof FullHttpResponse response && isDecodingFailure(response)) {
                byte[] body = problem(response.status().code());
                FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
                problem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                ctx.write(problem, promise);
                return;
            }
            ctx.write(msg, promise);
        }

        /**
         * What Reactor Netty sends for a request it could not decode: one of its three statuses, no
         * body, and only {@code Content-Length: 0} and {@code Connection: close}. Whatever passed
         * through Spring carries more headers (security's at least), so an empty error a handler or a
         * service sends is left as it is.
         */
        static boolean isDecodingFailure(FullHttpResponse response) {
            HttpHeaders headers = response.headers();
            return DECODING_FAILURES.contains(response.status().code()) && !response.content().isReadable()
                    && headers.size() == 2 && headers.getInt(HttpHeaderNames.CONTENT_LENGTH, -1) == 0
                    && headers.contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        }

        private static byte[] problem(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", ProblemTypes.forStatus(status).toString());
            problem.put("title", known != null ? known.getReasonPhrase() : "Error");
            problem.put("status", status);
            problem.put("detail", switch (status) {
                case 414 -> "The request line is longer than the gateway accepts.";
                case 431 -> "The request headers are larger than the gateway accepts.";
                default -> "The request is not valid HTTP.";
            });
            return JsonMapper.shared().writeValueAsBytes(problem);
        }
    }
}
