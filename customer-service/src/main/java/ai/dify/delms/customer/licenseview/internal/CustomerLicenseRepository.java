package ai.dify.delms.customer.licenseview.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerLicenseRepository extends JpaRepository<CustomerLicense, String> {

    long countByCustomerId(UUID customerId);

    @Query("select l.customerId, count(l) from CustomerLicense l where l.customerId in :customerIds group by l.customerId")
    List<Object[]> countByCustomerIds(Collection<UUID> customerIds);
}
