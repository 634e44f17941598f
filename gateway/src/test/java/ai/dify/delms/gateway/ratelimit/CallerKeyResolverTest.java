package ai.dify.delms.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.security.Principal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallerKeyResolverTest {

    private final CallerKeyResolver resolver = new CallerKeyResolver();

    @Test
    void partnerClientsShareOneBucketPerClientWhateverTheirSubject() {
        assertThat(keyOf(token("service-account-1", "partner-acme", "SCOPE_partner-api"))).isEqualTo("client:partner-acme");
        assertThat(keyOf(token("service-account-2", "partner-acme", "SCOPE_partner-api"))).isEqualTo("client:partner-acme");
    }

    @Test
    void peopleHaveABucketPerSubjectEvenWhenTheyUseTheSameClient() {
        assertThat(keyOf(token("alice-id", "delms-web", "ROLE_sales"))).isEqualTo("subject:alice-id");
        assertThat(keyOf(token("bob-id", "delms-web", "ROLE_sales"))).isEqualTo("subject:bob-id");
    }

    @Test
    void withoutATokenTheRemoteAddressIsTheKey() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/docs")
                .remoteAddress(new java.net.InetSocketAddress("10.1.2.3", 5000)));
        assertThat(resolver.resolve(exchange).block()).isEqualTo("address:10.1.2.3");
    }

    private String keyOf(JwtAuthenticationToken token) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/licenses")).mutate()
                .principal(reactor.core.publisher.Mono.<Principal>just(token)).build();
        return resolver.resolve(exchange).block();
    }

    private static JwtAuthenticationToken token(String subject, String clientId, String authority) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claim("azp", clientId).build();
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(authority)));
    }
}
