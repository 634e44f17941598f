package ai.dify.delms.sales.reseller;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ResellerRepository extends JpaRepository<Reseller, UUID> {

    boolean existsByCode(String code);

    Page<Reseller> findByNameContainingIgnoreCaseOrCodeContainingIgnoreCase(String name, String code,
            Pageable pageable);
}
