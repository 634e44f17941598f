package ai.dify.delms.alert.alert;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.NotFoundException;

/** Finds alerts. (Raising, acknowledging and resolving them come with the alert rules.) */
@Service
public class AlertService {

    private final AlertRepository alerts;

    AlertService(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @Transactional(readOnly = true)
    public Page<Alert> search(AlertFilter filter, Pageable pageable) {
        return alerts.findAll(filter.toSpecification(), pageable);
    }

    @Transactional(readOnly = true)
    public Alert get(UUID id) {
        return alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert", id));
    }
}
