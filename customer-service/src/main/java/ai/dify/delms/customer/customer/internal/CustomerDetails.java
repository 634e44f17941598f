package ai.dify.delms.customer.customer.internal;

import java.util.UUID;

/** What a client may set on a customer; everything else (id, audit fields, version) is the server's. */
public record CustomerDetails(String name, String industry, String region, String country, String contactName,
        String contactEmail, String contactPhone, UUID salesRepId, UUID resellerId, String notes) {

    static CustomerDetails of(Customer c) {
        return new CustomerDetails(c.getName(), c.getIndustry(), c.getRegion(), c.getCountry(), c.getContactName(),
                c.getContactEmail(), c.getContactPhone(), c.getSalesRepId(), c.getResellerId(), c.getNotes());
    }
}
