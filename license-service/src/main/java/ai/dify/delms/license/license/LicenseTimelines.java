package ai.dify.delms.license.license;

import java.util.List;

/** The timeline of a license, oldest first (kept by the timeline module, which listens to the license). */
public interface LicenseTimelines {

    /** @throws ai.dify.delms.platform.problem.NotFoundException if the license is unknown */
    List<TimelineEntry> of(String licenseId);
}
