package ai.dify.delms.license.expiry.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ai.dify.delms.license.license.LicenseService;

/**
 * Moves licenses past their expiry date to EXPIRED. It looks at every license due, not only those
 * that became due since the last run, so a run after downtime catches up; each batch claims its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so several instances expire each license exactly once.
 * {@code delms.license.expiry.cron} sets when it runs ({@code -} switches it off).
 */
@Component
public class LicenseExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(LicenseExpiryJob.class);
    /** The actor the change log and events name for the job. */
    public static final String ACTOR = "license-expiry-job";

    private final LicenseService licenses;
    private final int batchSize;

    LicenseExpiryJob(LicenseService licenses, @Value("${delms.license.expiry.batch-size:200}") int batchSize) {
        this.licenses = licenses;
        this.batchSize = batchSize;
    }

    // a daily cron runs at the business's time of day, like the day it expires licenses on
    @Scheduled(cron = "${delms.license.expiry.cron:0 */5 * * * *}", zone = "${delms.business-time-zone}")
    void run() {
        int expired = expireDue();
        if (expired > 0) {
            log.info("Expired {} licenses past their expiry date", expired);
        }
    }

    /**
     * Expires every license whose expiry date is before today, the business's day
     * (delms.business-time-zone, as alert-service's EXPIRED alert takes it), batch by batch; returns
     * how many this call expired.
     */
    public int expireDue() {
        LocalDate today = licenses.today();
        int total = 0;
        int batch;
        do {
            batch = licenses.expireDue(today, batchSize, ACTOR);
            total += batch;
        } while (batch > 0);
        return total;
    }
}
