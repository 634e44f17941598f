package ai.dify.delms.license.signingkey.internal;

/**
 * Where a license-file signing key is in its life (docs/decisions.md, 26). One key at a time is
 * ACTIVE; a rotation retires it; an admin may revoke a retired key.
 */
public enum SigningKeyStatus {

    /** Signs every new license file; the only key whose private key is kept. */
    ACTIVE,
    /** Signs nothing any more; files it signed still verify. */
    RETIRED,
    /** Never verifies again, whatever it signed (a compromised key). */
    REVOKED
}
