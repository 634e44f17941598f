package ai.dify.delms.platform.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link DemoSecretsException} in Boot's "APPLICATION FAILED TO START" report. */
public class DemoSecretsFailureAnalyzer extends AbstractFailureAnalyzer<DemoSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoSecretsException cause) {
        return new FailureAnalysis(
                "Outside the local profile DELMS does not start with an empty credential or a demo value:\n"
                        + cause.describe(),
                "Set the environment variables named above to the deployment's secrets (docs/runbook.md,"
                        + " \"Secrets\"). For a local demo run, activate the profile '" + SecretsCheck.LOCAL_PROFILE + "'.",
                cause);
    }
}
