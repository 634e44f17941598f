package ai.dify.delms.platform.testapp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Rows that belong to resellers, kept in memory: enough to show partner filtering. */
@Component
class PartnerDeals {

    record Deal(UUID id, UUID resellerId, String name) {
    }

    private final Map<UUID, Deal> deals = new ConcurrentHashMap<>();

    Deal add(UUID resellerId, String name) {
        Deal deal = new Deal(UUID.randomUUID(), resellerId, name);
        deals.put(deal.id(), deal);
        return deal;
    }

    List<Deal> all() {
        return List.copyOf(deals.values());
    }

    Optional<Deal> find(UUID id) {
        return Optional.ofNullable(deals.get(id));
    }
}
