package ai.dify.delms.customer.customer.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CustomerRepository extends JpaRepository<Customer, UUID>, JpaSpecificationExecutor<Customer> {

    Optional<Customer> findByNameKey(String nameKey);

    Optional<Customer> findByIdAndResellerId(UUID id, UUID resellerId);
}
