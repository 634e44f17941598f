package ai.dify.delms.sales.reseller;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ResellerRepository extends JpaRepository<Reseller, UUID>, JpaSpecificationExecutor<Reseller> {

    boolean existsByCode(String code);
}
