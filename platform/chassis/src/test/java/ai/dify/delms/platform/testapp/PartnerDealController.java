package ai.dify.delms.platform.testapp;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.partner.PartnerCaller;
import ai.dify.delms.platform.problem.NotFoundException;

/** A partner endpoint as a service writes one: filtered by the caller's reseller, others' rows are 404. */
@RestController
@RequestMapping(PartnerAccess.PATH)
class PartnerDealController {

    private final PartnerDeals deals;

    PartnerDealController(PartnerDeals deals) {
        this.deals = deals;
    }

    @GetMapping("/deals")
    List<PartnerDeals.Deal> list(PartnerCaller caller) {
        return deals.all().stream().filter(deal -> caller.owns(deal.resellerId())).toList();
    }

    @GetMapping("/deals/{id}")
    PartnerDeals.Deal get(@PathVariable UUID id, PartnerCaller caller) {
        return deals.find(id).filter(deal -> caller.owns(deal.resellerId()))
                .orElseThrow(() -> new NotFoundException("Deal", id));
    }

    @GetMapping("/caller")
    PartnerCaller caller(PartnerCaller caller) {
        return caller;
    }
}
