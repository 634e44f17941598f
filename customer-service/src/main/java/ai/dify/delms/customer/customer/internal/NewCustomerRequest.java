package ai.dify.delms.customer.customer.internal;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/customers}. */
public record NewCustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String industry,
        @NotBlank @Size(max = 50) String region,
        @Size(max = 100) String country,
        @Size(max = 200) String contactName,
        @NotBlank @Email @Size(max = 320) String contactEmail,
        @Size(max = 50) String contactPhone,
        UUID salesRepId,
        UUID resellerId,
        @Size(max = 10_000) String notes) {

    CustomerDetails toDetails() {
        return new CustomerDetails(name, industry, region, country, contactName, contactEmail, contactPhone,
                salesRepId, resellerId, notes);
    }
}
