package ai.dify.delms.deployment.deployment;

/** Where a license is deployed. */
public enum Environment {
    ON_PREMISES, PRIVATE_CLOUD, PUBLIC_CLOUD
}
