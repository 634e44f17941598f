package ai.dify.delms.alert.evaluation.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.Finding;

/**
 * What an evaluation changes in a license's alerts, given what the rules find now and the alerts
 * still open (OPEN or ACKNOWLEDGED): a finding without an open alert of its type is raised; an open
 * alert of a type the rules decide on that is no longer found is resolved; everything else stays
 * (an open alert is not raised again, and an alert of a type no rule decides on is left alone).
 */
record AlertChanges(List<Finding> toRaise, List<Alert> toResolve) {

    AlertChanges {
        toRaise = List.copyOf(toRaise);
        toResolve = List.copyOf(toResolve);
    }

    static AlertChanges between(Set<AlertType> decidedTypes, Map<AlertType, Finding> findings,
            List<Alert> openAlerts) {
        Set<AlertType> stillOpen = EnumSet.noneOf(AlertType.class);
        List<Alert> toResolve = new ArrayList<>();
        for (Alert alert : openAlerts) {
            if (decidedTypes.contains(alert.getType()) && !findings.containsKey(alert.getType())) {
                toResolve.add(alert);
            } else {
                stillOpen.add(alert.getType());
            }
        }
        List<Finding> toRaise = findings.values().stream().filter(f -> !stillOpen.contains(f.type())).toList();
        return new AlertChanges(toRaise, toResolve);
    }
}
