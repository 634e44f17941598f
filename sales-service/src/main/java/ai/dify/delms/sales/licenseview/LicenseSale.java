package ai.dify.delms.sales.licenseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.dify.delms.sales.licenseview.internal.LicenseEvents.LicenseUpdated;

/**
 * A license as sold: who sold it to whom, when, and its current terms (product, expiry, limits).
 * Read model fed by license-service's events and by the purchases recorded here.
 */
@Entity
@Table(name = "license_sale")
public class LicenseSale {

    @Id
    private String licenseId;
    private UUID customerId;
    private UUID salesRepId;
    private String resellerId;
    private String productType;
    private String licenseType;
    private LocalDate expiryDate;
    private Integer authorizedWorkspaces;
    private Integer authorizedUsers;
    private Instant createdAt;
    /** The license's version the terms show (null: only events without a version were seen). */
    private Long licenseVersion;

    protected LicenseSale() {
    }

    LicenseSale(String licenseId, UUID customerId, UUID salesRepId, String resellerId, String productType,
            Instant createdAt, Long licenseVersion) {
        this.licenseId = licenseId;
        this.customerId = customerId;
        this.salesRepId = salesRepId;
        this.resellerId = resellerId;
        this.productType = productType;
        this.createdAt = createdAt;
        this.licenseVersion = licenseVersion;
    }

    /** Whether this row shows an older version of the license than {@code version} (or none yet). */
    boolean isBehind(long version) {
        return licenseVersion == null || version > licenseVersion;
    }

    /** The license's terms as license-service has them at {@code version}. */
    void describe(LicenseUpdated.State state, long version) {
        productType = state.productType() == null ? productType : state.productType();
        licenseType = state.licenseType();
        salesRepId = state.salesRepId();
        resellerId = state.resellerId();
        expiryDate = state.expiryDate();
        authorizedWorkspaces = state.authorizedWorkspaces();
        authorizedUsers = state.authorizedUsers();
        licenseVersion = version;
    }

    void setTerms(String licenseType, LocalDate expiryDate, Integer authorizedWorkspaces, Integer authorizedUsers) {
        this.licenseType = licenseType;
        this.expiryDate = expiryDate;
        this.authorizedWorkspaces = authorizedWorkspaces;
        this.authorizedUsers = authorizedUsers;
    }

    /** Applies one changed field of a license updated event; fields this model does not keep are ignored. */
    void apply(String field, String value) {
        switch (field) {
            case "expiryDate" -> expiryDate = value == null ? null : LocalDate.parse(value);
            case "authorizedWorkspaces" -> authorizedWorkspaces = value == null ? null : Integer.valueOf(value);
            case "authorizedUsers" -> authorizedUsers = value == null ? null : Integer.valueOf(value);
            case "productType" -> productType = value == null ? productType : value;
            case "licenseType" -> licenseType = value;
            case "salesRepId" -> salesRepId = value == null ? null : UUID.fromString(value);
            case "resellerId" -> resellerId = value;
            default -> { }
        }
    }

    /**
     * What a recorded purchase makes of the license, by license-service's rule (docs/decisions.md,
     * 12): the expiry only moves forward, limits only rise; null keeps a term as it is.
     */
    void applyPurchase(LocalDate newExpiry, Integer workspaces, Integer users, String newProductType) {
        if (newExpiry != null && (expiryDate == null || newExpiry.isAfter(expiryDate))) {
            expiryDate = newExpiry;
        }
        if (workspaces != null && (authorizedWorkspaces == null || workspaces > authorizedWorkspaces)) {
            authorizedWorkspaces = workspaces;
        }
        if (users != null && (authorizedUsers == null || users > authorizedUsers)) {
            authorizedUsers = users;
        }
        if (newProductType != null) {
            productType = newProductType;
        }
    }

    public String getLicenseId() { return licenseId; }
    public UUID getCustomerId() { return customerId; }
    public UUID getSalesRepId() { return salesRepId; }
    public String getResellerId() { return resellerId; }
    public String getProductType() { return productType; }
    public String getLicenseType() { return licenseType; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public Integer getAuthorizedWorkspaces() { return authorizedWorkspaces; }
    public Integer getAuthorizedUsers() { return authorizedUsers; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getLicenseVersion() { return licenseVersion; }
}
