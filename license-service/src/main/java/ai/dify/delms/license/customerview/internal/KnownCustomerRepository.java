package ai.dify.delms.license.customerview.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface KnownCustomerRepository extends JpaRepository<KnownCustomer, UUID> {

    boolean existsByIdAndDeletedFalse(UUID id);

    @Query("select c.id from KnownCustomer c where lower(c.name) like concat('%', :text, '%') order by c.name")
    List<UUID> idsNamedLike(@Param("text") String text, Limit limit);
}
