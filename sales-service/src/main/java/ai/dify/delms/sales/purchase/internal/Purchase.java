package ai.dify.delms.sales.purchase.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.dify.delms.sales.purchase.PurchaseType;

/** A purchase recorded against a license; immutable once recorded. */
@Entity
@Table(name = "purchase")
public class Purchase {

    @Id
    private UUID id;
    private String licenseId;
    @Enumerated(EnumType.STRING)
    private PurchaseType type;
    private LocalDate purchaseDate;
    private BigDecimal amount;
    private String currency;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private Integer workspacesAfter;
    private Integer usersAfter;
    private String productTypeAfter;
    private UUID salesRepId;
    private UUID resellerId;
    private String orderReference;
    @Column(columnDefinition = "text")
    private String notes;
    private Instant createdAt;
    private String createdBy;

    protected Purchase() {
    }

    Purchase(PurchaseTerms terms, UUID salesRepId, UUID resellerId, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.licenseId = terms.licenseId();
        this.type = terms.type();
        this.purchaseDate = terms.purchaseDate();
        this.amount = terms.amount();
        this.currency = terms.currency();
        this.periodStart = terms.periodStart();
        this.periodEnd = terms.periodEnd();
        this.workspacesAfter = terms.workspacesAfter();
        this.usersAfter = terms.usersAfter();
        this.productTypeAfter = terms.productTypeAfter();
        this.salesRepId = salesRepId;
        this.resellerId = resellerId;
        this.orderReference = terms.orderReference();
        this.notes = terms.notes();
        this.createdAt = now;
        this.createdBy = actor;
    }

    public UUID getId() { return id; }
    public String getLicenseId() { return licenseId; }
    public PurchaseType getType() { return type; }
    public LocalDate getPurchaseDate() { return purchaseDate; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public Integer getWorkspacesAfter() { return workspacesAfter; }
    public Integer getUsersAfter() { return usersAfter; }
    public String getProductTypeAfter() { return productTypeAfter; }
    public UUID getSalesRepId() { return salesRepId; }
    public UUID getResellerId() { return resellerId; }
    public String getOrderReference() { return orderReference; }
    public String getNotes() { return notes; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
