package ai.dify.delms.sales.salesrep.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import ai.dify.delms.sales.salesrep.SalesRep;

public interface SalesRepRepository extends JpaRepository<SalesRep, UUID>, JpaSpecificationExecutor<SalesRep> {

    Optional<SalesRep> findByEmail(String email);
}
