package ai.dify.delms.sales.licensefeed;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A license as sold: who sold it to whom, and when. Read model fed by license-service's events. */
@Entity
@Table(name = "license_sale")
public class LicenseSale {

    @Id
    private String licenseId;
    private UUID customerId;
    private UUID salesRepId;
    private String resellerId;
    private String productType;
    private Instant createdAt;

    protected LicenseSale() {
    }

    LicenseSale(String licenseId, UUID customerId, UUID salesRepId, String resellerId, String productType,
            Instant createdAt) {
        this.licenseId = licenseId;
        this.customerId = customerId;
        this.salesRepId = salesRepId;
        this.resellerId = resellerId;
        this.productType = productType;
        this.createdAt = createdAt;
    }

    public String getLicenseId() { return licenseId; }
    public UUID getCustomerId() { return customerId; }
    public UUID getSalesRepId() { return salesRepId; }
    public String getResellerId() { return resellerId; }
    public String getProductType() { return productType; }
    public Instant getCreatedAt() { return createdAt; }
}
