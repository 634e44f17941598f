package ai.dify.delms.sales.salesrep;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SalesRepRepository extends JpaRepository<SalesRep, UUID> {

    Optional<SalesRep> findByEmail(String email);

    /** The {@code q} search; Spring Data escapes LIKE wildcards in the argument. */
    Page<SalesRep> findByNameContainingIgnoreCaseOrEmailContainingIgnoreCase(String name, String email,
            Pageable pageable);
}
