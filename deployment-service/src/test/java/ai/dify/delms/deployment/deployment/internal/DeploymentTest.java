package ai.dify.delms.deployment.deployment.internal;

import static ai.dify.delms.deployment.deployment.internal.DeploymentStatus.CANCELLED;
import static ai.dify.delms.deployment.deployment.internal.DeploymentStatus.COMPLETED;
import static ai.dify.delms.deployment.deployment.internal.DeploymentStatus.FAILED;
import static ai.dify.delms.deployment.deployment.internal.DeploymentStatus.IN_PROGRESS;
import static ai.dify.delms.deployment.deployment.internal.DeploymentStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * A deployment's life ({@link Deployment}): every status against every target, what each move
 * records, the reason a failure needs, and that only a scheduled deployment's plan can change.
 */
class DeploymentTest {

    private static final Instant SCHEDULED_AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");
    private static final UUID ENGINEER = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private static final DeploymentPlan PLAN = new DeploymentPlan(ENGINEER, LocalDate.parse("2026-03-10"),
            Environment.PRIVATE_CLOUD, "1.4.0", "rack 7");

    /** What each status may move to, written out here rather than read from the code. */
    private static final Map<DeploymentStatus, Set<DeploymentStatus>> NEXT = Map.of(
            SCHEDULED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETED, FAILED),
            COMPLETED, EnumSet.noneOf(DeploymentStatus.class),
            FAILED, EnumSet.noneOf(DeploymentStatus.class),
            CANCELLED, EnumSet.noneOf(DeploymentStatus.class));

    static Stream<Arguments> legalMoves() {
        return everyMove(true);
    }

    static Stream<Arguments> illegalMoves() {
        return everyMove(false);
    }

    private static Stream<Arguments> everyMove(boolean legal) {
        List<Arguments> moves = new ArrayList<>();
        for (DeploymentStatus from : DeploymentStatus.values()) {
            for (DeploymentStatus to : DeploymentStatus.values()) {
                if (NEXT.get(from).contains(to) == legal) {
                    moves.add(Arguments.of(from, to));
                }
            }
        }
        return moves.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalMoves")
    void aLegalMoveChangesTheStatusAndStampsOnlyItsOwnTime(DeploymentStatus from, DeploymentStatus to) {
        Deployment deployment = deploymentIn(from);
        Instant startedAt = deployment.getStartedAt();

        DeploymentStatus returned = deployment.moveTo(to, to == FAILED ? "disk full" : null, "erin2", NOW);

        assertThat(returned).isEqualTo(from);
        assertThat(deployment.getStatus()).isEqualTo(to);
        assertThat(deployment.getStartedAt()).isEqualTo(to == IN_PROGRESS ? NOW : startedAt);
        assertThat(deployment.getCompletedAt()).isEqualTo(to == COMPLETED ? NOW : null);
        assertThat(deployment.getFailedAt()).isEqualTo(to == FAILED ? NOW : null);
        assertThat(deployment.getCancelledAt()).isEqualTo(to == CANCELLED ? NOW : null);
        assertThat(deployment.getFailureReason()).isEqualTo(to == FAILED ? "disk full" : null);
        assertThat(deployment.getUpdatedBy()).isEqualTo("erin2");
        assertThat(deployment.getUpdatedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalMoves")
    void anIllegalMoveIsRefusedWithWhatIsAllowedAndChangesNothing(DeploymentStatus from, DeploymentStatus to) {
        Deployment deployment = deploymentIn(from);
        Instant updatedAt = deployment.getUpdatedAt();

        assertThatThrownBy(() -> deployment.moveTo(to, "a reason", "erin2", NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.properties())
                        .containsEntry("currentStatus", from)
                        .containsEntry("allowedTransitions", NEXT.get(from).stream().map(Enum::name).sorted().toList()));
        assertThat(deployment.getStatus()).isEqualTo(from);
        assertThat(deployment.getUpdatedAt()).isEqualTo(updatedAt);
    }

    /** A failure without a reason is the caller's mistake (400), checked before whether the move is allowed (409). */
    @ParameterizedTest(name = "{0} -> FAILED without a reason")
    @EnumSource(DeploymentStatus.class)
    void failingNeedsAReasonWhateverTheStatus(DeploymentStatus from) {
        Deployment deployment = deploymentIn(from);
        Instant failedAt = deployment.getFailedAt();

        assertThatThrownBy(() -> deployment.moveTo(FAILED, null, "erin2", NOW))
                .isInstanceOfSatisfying(BadFieldException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(deployment.getStatus()).isEqualTo(from);
        assertThat(deployment.getFailedAt()).isEqualTo(failedAt);
    }

    /** The reason a failure records is the request's reason, else its note; blanks are no reason. */
    @ParameterizedTest(name = "reason \"{0}\", note \"{1}\": fails with {2}")
    @CsvSource(nullValues = "-", value = {
            "disk full,       -,         disk full",
            "'  disk full  ', kept?,     disk full",
            "'   ',           ' rack 7 ', rack 7",
            "-,               network,   network",
            "'',              '  ',      -",
            "-,               -,         -"})
    void aFailureRecordsTheReasonElseTheNote(String reason, String note, String recorded) {
        Deployment deployment = deploymentIn(IN_PROGRESS);
        String remark = new TransitionRequest(FAILED, note, reason).remark();

        if (recorded == null) {
            assertThatThrownBy(() -> deployment.moveTo(FAILED, remark, "erin2", NOW))
                    .isInstanceOf(BadFieldException.class);
            assertThat(deployment.getStatus()).isEqualTo(IN_PROGRESS);
        } else {
            deployment.moveTo(FAILED, remark, "erin2", NOW);
            assertThat(deployment.getFailureReason()).isEqualTo(recorded);
        }
    }

    @ParameterizedTest(name = "{0} needs a license open to deployments: {1}")
    @CsvSource({"SCHEDULED, false", "IN_PROGRESS, true", "COMPLETED, true", "FAILED, false", "CANCELLED, false"})
    void onlyStartingAndCompletingNeedALicenseThatStillTakesDeployments(DeploymentStatus to, boolean needs) {
        assertThat(to.needsDeployableLicense()).isEqualTo(needs);
    }

    @Test
    void aScheduledDeploymentHasItsPlanAndNoMoveYet() {
        Deployment deployment = Deployment.schedule("ENT-202603-000001", PLAN, "sam", SCHEDULED_AT);

        assertThat(deployment.getStatus()).isEqualTo(SCHEDULED);
        assertThat(deployment.plan()).isEqualTo(PLAN);
        assertThat(deployment.getLicenseId()).isEqualTo("ENT-202603-000001");
        assertThat(deployment.getStartedAt()).isNull();
        assertThat(deployment.getCompletedAt()).isNull();
        assertThat(deployment.getFailedAt()).isNull();
        assertThat(deployment.getCancelledAt()).isNull();
        assertThat(deployment.getCreatedBy()).isEqualTo("sam");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DeploymentStatus.class, names = "SCHEDULED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAScheduledDeploymentCanBeReplanned(DeploymentStatus status) {
        Deployment deployment = deploymentIn(status);
        DeploymentPlan other = new DeploymentPlan(ENGINEER, LocalDate.parse("2026-04-01"), Environment.ON_PREMISES,
                "1.5.0", null);

        assertThatThrownBy(() -> deployment.replan(other, "erin2", NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.properties()).containsEntry("currentStatus", status));
        assertThat(deployment.plan()).isEqualTo(PLAN);
    }

    /** A plan that differs only in what the plan normalizes (spaces around the version, blank notes) is no change. */
    @ParameterizedTest(name = "version \"{0}\", notes \"{1}\", scheduled {2}, {3}: changed {4}")
    @CsvSource(nullValues = "-", value = {
            "1.4.0,     rack 7,  2026-03-10, PRIVATE_CLOUD, false",
            "' 1.4.0 ', rack 7,  2026-03-10, PRIVATE_CLOUD, false",
            "1.4.1,     rack 7,  2026-03-10, PRIVATE_CLOUD, true",
            "1.4.0,     rack 8,  2026-03-10, PRIVATE_CLOUD, true",
            "1.4.0,     rack 7,  2026-03-11, PRIVATE_CLOUD, true",
            "1.4.0,     rack 7,  2026-03-10, PUBLIC_CLOUD,  true"})
    void replanningChangesOnlyWhatDiffers(String version, String notes, LocalDate date, Environment environment,
            boolean changed) {
        Deployment deployment = Deployment.schedule("ENT-202603-000001", PLAN, "sam", SCHEDULED_AT);
        DeploymentPlan plan = new DeploymentPlan(ENGINEER, date, environment, version, notes);

        assertThat(deployment.replan(plan, "erin2", NOW)).isEqualTo(changed);
        assertThat(deployment.plan()).isEqualTo(plan);
        assertThat(deployment.getUpdatedBy()).isEqualTo(changed ? "erin2" : "sam");
        assertThat(deployment.getUpdatedAt()).isEqualTo(changed ? NOW : SCHEDULED_AT);
    }

    @ParameterizedTest(name = "\"{0}\" / \"{1}\" -> \"{2}\" / \"{3}\"")
    @CsvSource(nullValues = "-", value = {
            "1.4.0,       notes,   1.4.0, notes",
            "'  1.4.0  ', notes,   1.4.0, notes",
            "1.4.0,       '   ',   1.4.0, -",
            "1.4.0,       '',      1.4.0, -",
            "1.4.0,       -,       1.4.0, -",
            "1.4.0,       ' two ', 1.4.0, ' two '"})
    void aPlanTrimsTheVersionAndDropsBlankNotes(String version, String notes, String keptVersion, String keptNotes) {
        DeploymentPlan plan = new DeploymentPlan(ENGINEER, LocalDate.parse("2026-03-10"), Environment.PRIVATE_CLOUD,
                version, notes);

        assertThat(plan.productVersion()).isEqualTo(keptVersion);
        assertThat(plan.notes()).isEqualTo(keptNotes);
    }

    /** Reached through the moves the service makes, each a day after scheduling. */
    private static Deployment deploymentIn(DeploymentStatus status) {
        Deployment deployment = Deployment.schedule("ENT-202603-000001", PLAN, "sam", SCHEDULED_AT);
        switch (status) {
            case SCHEDULED -> { }
            case IN_PROGRESS -> deployment.moveTo(IN_PROGRESS, null, "erin", EARLIER);
            case COMPLETED, FAILED -> {
                deployment.moveTo(IN_PROGRESS, null, "erin", EARLIER);
                deployment.moveTo(status, status == FAILED ? "network down" : null, "erin", EARLIER);
            }
            case CANCELLED -> deployment.moveTo(CANCELLED, null, "erin", EARLIER);
        }
        return deployment;
    }
}
