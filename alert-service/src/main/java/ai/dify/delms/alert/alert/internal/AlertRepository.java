package ai.dify.delms.alert.alert.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AlertRepository extends JpaRepository<Alert, UUID>, JpaSpecificationExecutor<Alert> {

    List<Alert> findByLicenseIdAndStatusIn(String licenseId, Collection<AlertStatus> statuses);

    List<Alert> findByLicenseIdInAndStatusIn(Collection<String> licenseIds, Collection<AlertStatus> statuses);

    /** Open and acknowledged alerts counted by type, severity and status. */
    @Query("select a.type as type, a.severity as severity, a.status as status, count(a) as count from Alert a "
            + "where a.status <> ai.dify.delms.alert.alert.internal.AlertStatus.RESOLVED "
            + "group by a.type, a.severity, a.status")
    List<OpenAlertCount> countOpen();

    interface OpenAlertCount {
        AlertType getType();
        AlertSeverity getSeverity();
        AlertStatus getStatus();
        long getCount();
    }
}
