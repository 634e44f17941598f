package ai.dify.delms.license.license;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured product types ({@code delms.license.product-types}); each is the {@code XXX} of
 * its license ids. Default: ENT (Enterprise) and PRO (Professional).
 */
@ConfigurationProperties("delms.license")
public record ProductTypes(List<String> productTypes) {

    public ProductTypes {
        productTypes = productTypes == null || productTypes.isEmpty() ? List.of("ENT", "PRO") : List.copyOf(productTypes);
    }

    public boolean contains(String productType) {
        return productTypes.contains(productType);
    }

    public Set<String> all() {
        return productTypes.stream().collect(Collectors.toUnmodifiableSet());
    }
}
