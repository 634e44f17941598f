package ai.dify.delms.sales.salesrep;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface SalesRepRepository extends JpaRepository<SalesRep, UUID>, JpaSpecificationExecutor<SalesRep> {

    Optional<SalesRep> findByEmail(String email);
}
