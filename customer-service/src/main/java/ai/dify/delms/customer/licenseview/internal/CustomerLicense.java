package ai.dify.delms.customer.licenseview.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One license of a customer, as license-service reported its creation. */
@Entity
public class CustomerLicense {

    @Id
    private String licenseId;
    private UUID customerId;
    private Instant recordedAt;

    protected CustomerLicense() {
    }

    public CustomerLicense(String licenseId, UUID customerId, Instant recordedAt) {
        this.licenseId = licenseId;
        this.customerId = customerId;
        this.recordedAt = recordedAt;
    }
}
