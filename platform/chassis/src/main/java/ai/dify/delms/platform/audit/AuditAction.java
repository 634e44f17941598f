package ai.dify.delms.platform.audit;

/** What a write did to an entity. */
public enum AuditAction {
    CREATE, UPDATE, DELETE
}
