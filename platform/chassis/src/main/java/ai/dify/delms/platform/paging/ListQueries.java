package ai.dify.delms.platform.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;
import org.hibernate.query.criteria.JpaSubQuery;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * Reads a page of a list so that its cost does not grow with the table (decision 40):
 * <ul>
 * <li>the sort gets the id as its last key, so the order is total and a page boundary is a row;</li>
 * <li>the page's ids are read first (from an index, for the sorts and filters that have one), then
 * their rows, so a deep offset skips index entries, not rows;</li>
 * <li>{@code after} (a cursor from {@code next}) continues after the last row of the previous page
 * ("keyset"): as cheap on page 40,000 as on page 1, and no row is skipped or repeated when rows are
 * inserted meanwhile;</li>
 * <li>matching rows are counted up to {@link PagingProperties#countLimit()} + 1; past it the total is
 * a lower bound, flagged as such. A first page shorter than its size is its own total, uncounted.</li>
 * </ul>
 * NULL sorts before any value, as in MariaDB and MySQL.
 */
public class ListQueries {

    /** For the {@code after} parameter's {@code @Parameter}: the same words in every OpenAPI document. */
    public static final String AFTER_DESCRIPTION = "A cursor from page.next: the page after that page's last row, "
            + "with the same filters and sort (size may change). Stable while rows are added: no row is skipped "
            + "or repeated, and as fast on deep pages as on the first; use it rather than a large page number. "
            + "Not with page. Another list's cursor, one sent with other filters or sort, or an altered one: 400.";

    private final EntityManager entityManager;
    private final int countLimit;

    public ListQueries(EntityManager entityManager, PagingProperties properties) {
        this.entityManager = entityManager;
        this.countLimit = properties.countLimit();
    }

    /**
     * The page {@code pageable} names, or the one after the cursor {@code after} (then {@code page}
     * must be 0). Call inside a transaction.
     */
    public <E> ListPage<E> page(ListQuery<E> list, Pageable pageable, String after) {
        List<Sort.Order> orders = withIdLast(pageable.getSort(), list.idAttribute());
        String query = list.key() + "|" + orders.stream().map(o -> o.getProperty() + ":" + o.getDirection())
                .collect(Collectors.joining(","));
        PageCursor.Position cursor = null;
        if (after != null) {
            if (pageable.getPageNumber() != 0) {
                throw new BadFieldException(PageCursor.PARAMETER, "cannot be combined with page; send one of them");
            }
            cursor = PageCursor.decode(query, after, orders.size());
        }
        int size = pageable.getPageSize();
        long position = cursor == null ? pageable.getOffset() : cursor.position();
        List<Object[]> keys = keys(list, orders, cursor, pageable, size + 1);
        boolean more = keys.size() > size;
        List<Object[]> onPage = more ? keys.subList(0, size) : keys;
        List<E> content = rows(list, onPage.stream().map(k -> k[orders.size() - 1]).toList());
        String next = more ? PageCursor.encode(query, texts(onPage.get(size - 1)), position + size) : null;
        int number = (int) Math.min(Integer.MAX_VALUE, position / size);

        if (cursor == null && !more && (position == 0 || !content.isEmpty())) {
            return new ListPage<>(content, number, size, position + content.size(), true, next);
        }
        long counted = boundedCount(list);
        if (counted <= countLimit) {
            return new ListPage<>(content, number, size, counted, true, next);
        }
        long seen = position + content.size() + (more ? 1 : 0);
        return new ListPage<>(content, number, size, Math.max(countLimit, seen), false, next);
    }

    private static List<Sort.Order> withIdLast(Sort sort, String idAttribute) {
        List<Sort.Order> orders = new ArrayList<>(sort.toList());
        if (orders.stream().noneMatch(o -> o.getProperty().equals(idAttribute))) {
            // the same direction as the last key, so one index scan serves both
            Sort.Direction direction = orders.isEmpty() ? Sort.Direction.ASC : orders.get(orders.size() - 1).getDirection();
            orders.add(new Sort.Order(direction, idAttribute));
        }
        return orders;
    }

    /** Each row: the sort values, the id last. */
    private <E> List<Object[]> keys(ListQuery<E> list, List<Sort.Order> orders, PageCursor.Position cursor,
            Pageable pageable, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<E> root = query.from(list.type());
        List<Path<?>> paths = orders.stream().<Path<?>>map(o -> root.get(o.getProperty())).toList();
        query.multiselect(new ArrayList<>(paths));
        List<Predicate> where = new ArrayList<>();
        Predicate filter = list.filter().toPredicate(root, query, cb);
        if (filter != null) {
            where.add(filter);
        }
        if (cursor != null) {
            where.add(after(cb, orders, paths, values(paths, cursor.values())));
        }
        query.where(where.toArray(Predicate[]::new));
        query.orderBy(orders.stream().map(o -> orderBy(cb, o, root)).toList());
        return entityManager.createQuery(query).setFirstResult(cursor == null ? (int) pageable.getOffset() : 0)
                .setMaxResults(limit).getResultList();
    }

    private static Order orderBy(CriteriaBuilder cb, Sort.Order order, Root<?> root) {
        Path<?> path = root.get(order.getProperty());
        return order.isAscending() ? cb.asc(path) : cb.desc(path);
    }

    /**
     * Rows after the cursor's in the sort order: for keys k1..kn, (k1 beyond v1) or (k1 = v1 and k2
     * beyond v2) or ... An index on (k1, ..., id) reads such a predicate as a range.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate after(CriteriaBuilder cb, List<Sort.Order> orders, List<Path<?>> paths,
            List<Object> values) {
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> equalSoFar = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Expression path = paths.get(i);
            Comparable value = (Comparable) values.get(i);
            Predicate beyond;
            if (orders.get(i).isAscending()) {
                beyond = value == null ? cb.isNotNull(path) : cb.greaterThan(path, value);
            } else {
                beyond = value == null ? null : cb.or(cb.lessThan(path, value), cb.isNull(path));
            }
            if (beyond != null) {
                List<Predicate> alternative = new ArrayList<>(equalSoFar);
                alternative.add(beyond);
                alternatives.add(cb.and(alternative.toArray(Predicate[]::new)));
            }
            equalSoFar.add(value == null ? cb.isNull(path) : cb.equal(path, value));
        }
        return alternatives.isEmpty() ? cb.disjunction() : cb.or(alternatives.toArray(Predicate[]::new));
    }

    private <E> List<E> rows(ListQuery<E> list, List<Object> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(list.type());
        Root<E> root = query.from(list.type());
        query.where(root.get(list.idAttribute()).in(ids));
        Map<Object, E> byId = entityManager.createQuery(query).getResultList().stream().collect(Collectors.toMap(
                e -> entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(e),
                Function.identity()));
        // a row deleted between the two reads is left out
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** How many rows match, counting at most {@code countLimit + 1}: {@code select count(*) from (select ... limit n)}. */
    private <E> long boundedCount(ListQuery<E> list) {
        HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) entityManager.getCriteriaBuilder();
        JpaCriteriaQuery<Long> count = cb.createQuery(Long.class);
        JpaSubQuery<Object> matches = count.subquery(Object.class);
        JpaRoot<E> root = matches.from(list.type());
        Path<Object> id = root.get(list.idAttribute());
        id.alias("id"); // Hibernate names the columns of a derived table
        matches.select(id);
        Predicate filter = list.filter().toPredicate(root, count, cb);
        if (filter != null) {
            matches.where(filter);
        }
        matches.fetch(countLimit + 1);
        count.from(matches);
        count.select(cb.count());
        return entityManager.createQuery(count).getSingleResult();
    }

    private static List<String> texts(Object[] key) {
        List<String> texts = new ArrayList<>();
        for (Object value : key) {
            texts.add(value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString());
        }
        return texts;
    }

    private static List<Object> values(List<Path<?>> paths, List<String> texts) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String text = texts.get(i);
            try {
                values.add(text == null ? null : parse(paths.get(i).getJavaType(), text));
            } catch (RuntimeException e) {
                throw PageCursor.invalid();
            }
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        } else if (type == Instant.class) {
            return Instant.parse(text);
        } else if (type == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        } else if (type == UUID.class) {
            return UUID.fromString(text);
        } else if (type == Long.class || type == long.class) {
            return Long.valueOf(text);
        } else if (type == Integer.class || type == int.class) {
            return Integer.valueOf(text);
        } else if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        throw new IllegalStateException("cannot page by a key of type " + type.getName());
    }

    /**
     * A list {@link ListQueries} can read.
     *
     * @param key what the filter asks for, in words: a cursor is valid only for the same key (and sort)
     */
    public record ListQuery<E>(Class<E> type, String idAttribute, Specification<E> filter, String key) {
    }
}
