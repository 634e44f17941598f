package ai.dify.delms.platform.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code delms.paging.*} (decision 40).
 *
 * @param countLimit how many matching rows a list counts at most; above it {@code totalElements} is a
 *                   lower bound and {@code totalElementsExact} is false
 */
@ConfigurationProperties("delms.paging")
public record PagingProperties(Integer countLimit) {

    public PagingProperties {
        countLimit = countLimit == null ? 10_000 : countLimit;
        if (countLimit < 1) {
            throw new IllegalArgumentException("delms.paging.count-limit must be at least 1");
        }
    }
}
