package ai.dify.delms.sales.reseller.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ai.dify.delms.sales.reseller.Reseller;

/**
 * The body of {@code POST} and {@code PUT} (and the result of a merge patch). On create
 * {@code code} is required and {@code active} defaults to true; on update {@code code} may be
 * sent unchanged (another value is a 400: the code is immutable) and {@code version}, when sent,
 * must be current (409).
 */
public record ResellerRequest(
        @Pattern(regexp = Reseller.CODE_PATTERN,
                message = "must be 2 to 32 lower-case letters, digits and single hyphens (a slug)") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String contactEmail,
        @NotBlank @Size(max = 50) String region,
        @NotNull ResellerTier tier,
        Boolean active,
        Long version) {

    public ResellerDetails details() {
        return ResellerDetails.of(name, contactEmail, region, tier, active == null || active);
    }

    static ResellerRequest of(Reseller r) {
        return new ResellerRequest(r.getCode(), r.getName(), r.getContactEmail(), r.getRegion(), r.getTier(),
                r.isActive(), null);
    }
}
