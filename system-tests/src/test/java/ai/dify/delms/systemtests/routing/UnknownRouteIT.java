package ai.dify.delms.systemtests.routing;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;

/** What the gateway answers for a path no route serves. */
@SystemTest
@Order(30)
class UnknownRouteIT {

    private static final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();

    @Test
    void unknownApiPathIsNotFoundAsProblemDetails() {
        assertProblem(gateway.get("/api/v1/nope", tokens.alice()), 404);
    }
}
