package ai.dify.delms.sales.reseller.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import ai.dify.delms.sales.reseller.Reseller;

public interface ResellerRepository extends JpaRepository<Reseller, UUID>, JpaSpecificationExecutor<Reseller> {

    boolean existsByCode(String code);
}
