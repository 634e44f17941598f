package ai.dify.delms.license.stats.internal;

/**
 * What a group of licenses adds to the dashboard: how many, how many overused, the sums of their
 * latest usage and authorized limits, how many have reported usage. A row of {@code license_count},
 * or the difference between two.
 */
record Figures(long licenses, long overused, long usageWorkspaces, long usageUsers, long authorizedWorkspaces,
        long authorizedUsers, long reporting) {

    static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

    Figures plus(Figures other) {
        return new Figures(licenses + other.licenses, overused + other.overused,
                usageWorkspaces + other.usageWorkspaces, usageUsers + other.usageUsers,
                authorizedWorkspaces + other.authorizedWorkspaces, authorizedUsers + other.authorizedUsers,
                reporting + other.reporting);
    }

    Figures negated() {
        return NONE.minus(this);
    }

    Figures minus(Figures other) {
        return new Figures(licenses - other.licenses, overused - other.overused,
                usageWorkspaces - other.usageWorkspaces, usageUsers - other.usageUsers,
                authorizedWorkspaces - other.authorizedWorkspaces, authorizedUsers - other.authorizedUsers,
                reporting - other.reporting);
    }

    boolean isZero() {
        return equals(NONE);
    }
}
