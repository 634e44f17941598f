package ai.dify.delms.gateway.problem;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only Reactor Netty's own answer to a request it could not decode gets a problem body; an empty
 * error that came through Spring (from the gateway or a service) reaches the caller as it was sent.
 */
class DecodingFailureProblemsTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(DecodingFailureProblems.ProblemBody.INSTANCE);

    @Test
    void reactorNettysAnswerToAnUndecodableRequestGetsAProblemBody() {
        channel.writeOutbound(decodingFailure(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE));

        FullHttpResponse sent = channel.readOutbound();
        assertThat(sent.status().code()).isEqualTo(431);
        assertThat(sent.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        String body = sent.content().toString(StandardCharsets.UTF_8);
        assertThat(sent.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(body.length());
        assertThat(body).contains("\"status\":431", "urn:delms:problem:", "headers are larger");
        assertThat(sent.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    }

    @Test
    void anEmptyErrorThatCameThroughSpringIsLeftAsItIs() {
        FullHttpResponse passedThrough = decodingFailure(HttpResponseStatus.BAD_REQUEST);
        passedThrough.headers().set("X-Content-Type-Options", "nosniff");

        channel.writeOutbound(passedThrough);

        FullHttpResponse sent = channel.readOutbound();
        assertThat(sent.content().isReadable()).isFalse();
        assertThat(sent.headers().contains(HttpHeaderNames.CONTENT_TYPE)).isFalse();
    }

    @Test
    void aStatusReactorNettyNeverAnswersUndecodableRequestsWithIsLeftAsItIs() {
        channel.writeOutbound(decodingFailure(HttpResponseStatus.NOT_FOUND));

        FullHttpResponse sent = channel.readOutbound();
        assertThat(sent.content().isReadable()).isFalse();
    }

    /** Exactly what Reactor Netty writes when the HTTP codec fails on a request. */
    private static FullHttpResponse decodingFailure(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
