package ai.dify.delms.sales.salesrep.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import ai.dify.delms.sales.salesrep.SalesRep;

/**
 * The body of {@code PUT /api/v1/sales-reps/{id}} (and the result of a merge patch): every
 * editable field, and optionally the {@code version} read (a stale one is a 409).
 */
public record SalesRepRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 50) String region,
        @NotNull Boolean active,
        Long version) {

    static SalesRepRequest of(SalesRep rep) {
        return new SalesRepRequest(rep.getName(), rep.getEmail(), rep.getRegion(), rep.isActive(), null);
    }
}
