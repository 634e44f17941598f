package ai.dify.delms.deployment.deployment.internal;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ai.dify.delms.platform.problem.ConflictException;

/** A move the deployment's status does not allow (or a change of a deployment no longer scheduled): 409. */
public class IllegalTransitionException extends ConflictException {

    IllegalTransitionException(UUID deploymentId, DeploymentStatus current, String what) {
        // currentStatus and allowedTransitions go into the problem for clients to act on
        super(detail(deploymentId, current, what), Map.of("currentStatus", current,
                "allowedTransitions", current.allowedNext().stream().map(Enum::name).sorted().toList()));
    }

    private static String detail(UUID deploymentId, DeploymentStatus current, String what) {
        String allowed = current.allowedNext().isEmpty() ? "none"
                : current.allowedNext().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        return "Deployment " + deploymentId + " is " + current + " and cannot " + what + "; allowed transitions: "
                + allowed + ".";
    }
}
