package ai.dify.delms.platform.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.CompositeType;
import org.hibernate.type.Type;

/**
 * How one entity type is audited: whether at all, under which name, and how its changed fields
 * are turned into text.
 */
final class AuditedEntity {

    /** Tables of the chassis itself (outbox, consumer guard, directory, idempotency, this log). */
    static final Set<String> PLATFORM_TABLES = Set.of("audit_log", "event_publication", "event_publication_archive",
            "processed_event", "sales_party", "idempotency_key");

    static final String REDACTED = "[redacted]";
    private static final String[] SECRET_WORDS = {"password", "secret", "token"};

    private final boolean audited;
    private final String type;
    private final Type idType;
    private final String[] propertyNames;
    private final Type[] propertyTypes;
    private final int versionIndex;
    private final int maxValueLength;

    private AuditedEntity(boolean audited, String type, Type idType, String[] propertyNames, Type[] propertyTypes,
            int versionIndex, int maxValueLength) {
        this.audited = audited;
        this.type = type;
        this.idType = idType;
        this.propertyNames = propertyNames;
        this.propertyTypes = propertyTypes;
        this.versionIndex = versionIndex;
        this.maxValueLength = maxValueLength;
    }

    static AuditedEntity of(EntityPersister persister, int maxValueLength) {
        Class<?> mapped = persister.getMappedClass();
        boolean audited = !mapped.isAnnotationPresent(NotAudited.class)
                && !PLATFORM_TABLES.contains(unqualified(persister.getTableName()))
                && !mapped.getName().startsWith("org.springframework.");
        return new AuditedEntity(audited, mapped.getSimpleName(), persister.getIdentifierType(),
                persister.getPropertyNames(),
                persister.getPropertyTypes(), persister.isVersioned() ? persister.getVersionPropertyIndex() : -1,
                maxValueLength);
    }

    boolean audited() {
        return audited;
    }

    String type() {
        return type;
    }

    /** The id as text; a composite id as {@code part=value,part=value} in Hibernate's order of the parts. */
    String id(Object id) {
        if (id == null) {
            return "?";
        }
        if (idType instanceof CompositeType composite) {
            Object[] values = composite.getPropertyValues(id);
            String[] names = composite.getPropertyNames();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                text.append(i == 0 ? "" : ",").append(names[i]).append('=').append(values[i]);
            }
            return text.toString();
        }
        return id.toString();
    }

    /**
     * The changed fields of an update, {@code {field: {old, new}}}; embedded values are expanded to
     * {@code field.part}. The version is left out: it changes with every update.
     */
    Map<String, Map<String, String>> changes(Object[] oldState, Object[] state, int[] dirty,
            SharedSessionContractImplementor session) {
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        if (dirty != null) {
            for (int index : dirty) {
                addChange(changes, index, oldState, state, session);
            }
        } else {
            // no dirty check result (e.g. a merged detached entity): compare every field
            for (int index = 0; index < propertyNames.length; index++) {
                addChange(changes, index, oldState, state, session);
            }
        }
        return changes;
    }

    private void addChange(Map<String, Map<String, String>> changes, int index, Object[] oldState, Object[] state,
            SharedSessionContractImplementor session) {
        if (index == versionIndex || index >= propertyNames.length) {
            return;
        }
        Object before = oldState == null ? null : oldState[index];
        Object after = state[index];
        add(changes, propertyNames[index], propertyTypes[index], before, after, oldState != null, session);
    }

    private void add(Map<String, Map<String, String>> changes, String name, Type fieldType, Object before,
            Object after, boolean beforeKnown, SharedSessionContractImplementor session) {
        if (fieldType instanceof CompositeType composite && (before != null || after != null)) {
            Object[] beforeParts = before == null ? null : composite.getPropertyValues(before);
            Object[] afterParts = after == null ? null : composite.getPropertyValues(after);
            String[] names = composite.getPropertyNames();
            Type[] types = composite.getSubtypes();
            for (int i = 0; i < names.length; i++) {
                add(changes, name + "." + names[i], types[i], beforeParts == null ? null : beforeParts[i],
                        afterParts == null ? null : afterParts[i], beforeKnown, session);
            }
            return;
        }
        String oldText = text(before, fieldType, session);
        String newText = text(after, fieldType, session);
        if (beforeKnown && Objects.equals(oldText, newText)) {
            return;
        }
        Map<String, String> change = new LinkedHashMap<>();
        boolean secret = looksSecret(name);
        if (beforeKnown) {
            change.put("old", secret && oldText != null ? REDACTED : oldText);
        }
        change.put("new", secret && newText != null ? REDACTED : newText);
        changes.put(name, change);
    }

    static boolean looksSecret(String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private String text(Object value, Type fieldType, SharedSessionContractImplementor session) {
        if (value == null) {
            return null;
        }
        String text;
        if (fieldType.isEntityType()) {
            text = String.valueOf(referencedId(value, session));
        } else if (value instanceof PersistentCollection<?> lazy && !lazy.wasInitialized()) {
            // loading it now, in the middle of a flush, would break the flush
            text = "[not loaded]";
        } else if (value instanceof Collection<?> collection) {
            text = "[" + collection.size() + " items]";
        } else if (value instanceof Map<?, ?> map) {
            text = "[" + map.size() + " entries]";
        } else if (value instanceof byte[] bytes) {
            text = "[" + bytes.length + " bytes]";
        } else {
            text = value.toString();
        }
        return cut(text, maxValueLength);
    }

    /** A reference to another entity is recorded as that entity's id, without loading it. */
    private static Object referencedId(Object value, SharedSessionContractImplementor session) {
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(value);
        if (lazy != null) {
            return lazy.getIdentifier();
        }
        Object id = session.getContextEntityIdentifier(value);
        if (id != null) {
            return id;
        }
        EntityPersister persister = session.getFactory().getMappingMetamodel().findEntityDescriptor(value.getClass());
        return persister == null ? "?" : persister.getIdentifier(value, session);
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }

    private static String unqualified(String table) {
        if (table == null) {
            return "";
        }
        String name = table.substring(table.lastIndexOf('.') + 1);
        return name.replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
