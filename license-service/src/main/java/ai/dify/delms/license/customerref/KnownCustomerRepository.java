package ai.dify.delms.license.customerref;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface KnownCustomerRepository extends JpaRepository<KnownCustomer, UUID> {

    boolean existsByIdAndDeletedFalse(UUID id);
}
