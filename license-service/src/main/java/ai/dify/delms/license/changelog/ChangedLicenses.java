package ai.dify.delms.license.changelog;

/** Whether a license exists, so that the change log of an unknown license is a 404 and not an empty page. */
public interface ChangedLicenses {

    boolean exists(String licenseId);
}
