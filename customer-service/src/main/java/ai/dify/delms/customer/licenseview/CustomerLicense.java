package ai.dify.delms.customer.licenseview;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One license of a customer, as license-service reported its creation. */
@Entity
class CustomerLicense {

    @Id
    private String licenseId;
    private UUID customerId;
    private Instant recordedAt;

    protected CustomerLicense() {
    }

    CustomerLicense(String licenseId, UUID customerId, Instant recordedAt) {
        this.licenseId = licenseId;
        this.customerId = customerId;
        this.recordedAt = recordedAt;
    }
}
