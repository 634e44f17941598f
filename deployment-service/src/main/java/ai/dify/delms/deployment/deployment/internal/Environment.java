package ai.dify.delms.deployment.deployment.internal;

/** Where a license is deployed. */
public enum Environment {
    ON_PREMISES, PRIVATE_CLOUD, PUBLIC_CLOUD
}
