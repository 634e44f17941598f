package ai.dify.delms.licensefile.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.dify.delms.licensefile.SignedText;

class UsageReportVerifierTest {

    static final String LICENSE = "ENT-202512-000042";

    @TempDir
    Path directory;

    Site site;

    @BeforeEach
    void aSiteWithThreeEntries() throws IOException {
        site = new Site(directory.resolve("site"), LICENSE).recordUpTo(3);
    }

    @Nested
    class Accepting {

        @Test
        void theFirstImportAcceptsTheWholeChain() throws IOException {
            UsageImport.Accepted accepted = accepted(site.importInto(site.export(1), null));

            assertThat(accepted.newEntries()).extracting(UsageEntry::seq).containsExactly(1L, 2L, 3L);
            assertThat(accepted.newEntries()).containsExactlyElementsOf(site.log.read().entries());
            assertThat(accepted.newPosition()).isEqualTo(ChainPosition.of(site.entry(3)));
            assertThat(accepted.licenseId()).isEqualTo(LICENSE);
            assertThat(accepted.instanceKeyId()).isEqualTo(site.key.keyId());
            assertThat(accepted.latest().users()).isEqualTo(30);
        }

        @Test
        void aReportOfTheWholeLogAgainGivesOnlyTheNewEntries() throws IOException {
            ChainPosition position = accepted(site.importInto(site.export(1), null)).newPosition();
            site.recordUpTo(5);

            UsageImport.Accepted accepted = accepted(site.importInto(site.export(1), position));

            assertThat(accepted.newEntries()).extracting(UsageEntry::seq).containsExactly(4L, 5L);
            assertThat(accepted.newPosition()).isEqualTo(ChainPosition.of(site.entry(5)));
        }

        @Test
        void aReportMayStartRightAfterOrAnywhereBeforeTheLastAcceptedEntry() throws IOException {
            ChainPosition position = ChainPosition.of(site.entry(3));
            site.recordUpTo(5);

            assertThat(accepted(site.importInto(site.export(4), position)).newEntries()).extracting(UsageEntry::seq)
                    .containsExactly(4L, 5L);
            assertThat(accepted(site.importInto(site.export(3), position)).newEntries()).extracting(UsageEntry::seq)
                    .containsExactly(4L, 5L);
            assertThat(accepted(site.importInto(site.export(2), position)).newEntries()).extracting(UsageEntry::seq)
                    .containsExactly(4L, 5L);
        }
    }

    @Nested
    class Sequence {

        @Test
        void aReportAlreadyAcceptedIsAReplay() throws IOException {
            String report = site.export(1);
            ChainPosition position = accepted(site.importInto(report, null)).newPosition();

            UsageImport.Rejected replay = rejected(site.importInto(report, position), UsageFailure.REPLAY);

            assertThat(replay.message()).contains("seq 1 to 3").contains("last accepted is seq 3");
        }

        @Test
        void aReportOfOlderEntriesOnlyIsAReplay() throws IOException {
            String old = site.export(1);
            site.recordUpTo(5);

            rejected(site.importInto(old, ChainPosition.of(site.entry(5))), UsageFailure.REPLAY);
        }

        @Test
        void theFirstImportMustStartAtSeq1() throws IOException {
            UsageImport.Rejected gap = rejected(site.importInto(site.export(2), null), UsageFailure.GAP);

            assertThat(gap.message()).contains("expected seq 1 next, the report starts at seq 2");
            assertThat(gap.seq()).isEqualTo(OptionalLong.of(2));
        }

        @Test
        void aReportThatSkipsEntriesIsAGap() throws IOException {
            ChainPosition position = ChainPosition.of(site.entry(2));
            site.recordUpTo(5);

            UsageImport.Rejected gap = rejected(site.importInto(site.export(4), position), UsageFailure.GAP);

            assertThat(gap.message()).contains("expected seq 3 next, the report starts at seq 4");
        }

        @Test
        void reorderedEntriesAreOutOfOrder() throws IOException {
            String swapped = site.resign(site.export(1), lines -> {
                Collections.swap(lines, 3, 4);
                return lines;
            });

            UsageImport.Rejected rejected = rejected(site.importInto(swapped, null), UsageFailure.OUT_OF_ORDER);

            assertThat(rejected.seq()).isEqualTo(OptionalLong.of(2));
            assertThat(rejected.message()).contains("has seq 3 where seq 2 was expected");
        }

        @Test
        void aRemovedMiddleEntryIsOutOfOrder() throws IOException {
            String removed = site.resign(site.export(1), lines -> {
                lines.remove(3);
                return lines;
            });

            UsageImport.Rejected rejected = rejected(site.importInto(removed, null), UsageFailure.OUT_OF_ORDER);

            assertThat(rejected.seq()).isEqualTo(OptionalLong.of(2));
        }

        @Test
        void timeGoingBackwardsInsideTheReportIsOutOfOrder() {
            String genesis = UsageChain.genesisHash(LICENSE, site.key.keyId());
            UsageEntry first = UsageEntry.create(1, Site.DAY_1, 1, 10, genesis);
            UsageEntry earlier = UsageEntry.create(2, Site.DAY_1.minusSeconds(1), 1, 10, first.hash());
            String report = UsageReportWriterBypass.write(site, List.of(first, earlier));

            UsageImport.Rejected rejected = rejected(site.importInto(report, null), UsageFailure.OUT_OF_ORDER);

            assertThat(rejected.seq()).isEqualTo(OptionalLong.of(2));
            assertThat(rejected.message()).contains("Time goes backwards at seq 2");
        }

        @Test
        void anEntryEarlierThanTheLastAcceptedIsOutOfOrder() throws IOException {
            ChainPosition later = new ChainPosition(2, site.entry(2).hash(), site.entry(3).at().plusSeconds(1));

            UsageImport.Rejected rejected = rejected(site.importInto(site.export(1), later), UsageFailure.OUT_OF_ORDER);

            assertThat(rejected.seq()).isEqualTo(OptionalLong.of(3));
        }
    }

    @Nested
    class Chain {

        @Test
        void anEditedEntryIsABadSignature() throws IOException {
            String edited = site.export(1).replace("\"users\":20,", "\"users\":2,");

            rejected(site.importInto(edited, null), UsageFailure.BAD_SIGNATURE);
        }

        @Test
        void anEditedEntrySignedAgainNoLongerMatchesItsHash() throws IOException {
            String edited = site.resign(site.export(1), lines -> replaceAll(lines, "\"users\":20,", "\"users\":2,"));

            UsageImport.Rejected rejected = rejected(site.importInto(edited, null), UsageFailure.CHAIN_BROKEN);

            assertThat(rejected.seq()).isEqualTo(OptionalLong.of(2));
            assertThat(rejected.message()).contains("Entry seq 2 does not match its hash");
        }

        @Test
        void anEditedEntryWithANewHashBreaksTheLinkToTheNext() throws IOException {
            UsageEntry original = site.entry(2);
            UsageEntry forged = UsageEntry.create(2, original.at(), 1, 2, original.previousHash());
            String edited = site.resign(site.export(1), lines -> replaceAll(lines, original.line(), forged.line()));

            UsageImport.Rejected rejected = rejected(site.importInto(edited, null), UsageFailure.CHAIN_BROKEN);

            assertThat(rejected.seq()).isEqualTo(OptionalLong.of(3));
            assertThat(rejected.message()).contains("Entry seq 3 does not link to entry seq 2");
        }

        @Test
        void aHistoryRewrittenAfterItWasAcceptedIsRefused() throws IOException {
            ChainPosition accepted = new ChainPosition(3, "ab".repeat(32), site.entry(3).at());
            site.recordUpTo(4);

            UsageImport.Rejected overlapping = rejected(site.importInto(site.export(1), accepted), UsageFailure.CHAIN_BROKEN);
            UsageImport.Rejected continuing = rejected(site.importInto(site.export(4), accepted), UsageFailure.CHAIN_BROKEN);

            assertThat(overlapping.seq()).isEqualTo(OptionalLong.of(3));
            assertThat(overlapping.message()).contains("differs from the entry accepted before");
            assertThat(continuing.seq()).isEqualTo(OptionalLong.of(4));
            assertThat(continuing.message()).contains("does not link to the accepted entry seq 3");
        }

        @Test
        void aReportOfAnotherLicenseIsRefused() throws IOException {
            UsageImport result = UsageReportVerifier.verify(site.export(1).getBytes(StandardCharsets.UTF_8),
                    "ENT-202512-000043", site.key.publicKey(), null);

            assertThat(rejected(result, UsageFailure.WRONG_LICENSE).message())
                    .contains("for license ENT-202512-000042, not ENT-202512-000043");
        }

        @Test
        void aChainTransplantedToAnotherLicenseIsBroken() throws IOException {
            String transplanted = site.resign(site.export(1), lines -> replaceAll(lines, LICENSE, "ENT-202512-000043"));

            UsageImport result = UsageReportVerifier.verify(transplanted.getBytes(StandardCharsets.UTF_8),
                    "ENT-202512-000043", site.key.publicKey(), null);

            UsageImport.Rejected rejected = rejected(result, UsageFailure.CHAIN_BROKEN);
            assertThat(rejected.seq()).isEqualTo(OptionalLong.of(1));
            assertThat(rejected.message()).contains("another license or instance");
        }

        @Test
        void aReportFromAnotherInstanceIsRefused() throws IOException {
            Site other = new Site(directory.resolve("other"), LICENSE).recordUpTo(1);

            UsageImport result = UsageReportVerifier.verify(other.export(1).getBytes(StandardCharsets.UTF_8), LICENSE,
                    site.key.publicKey(), null);

            assertThat(rejected(result, UsageFailure.WRONG_INSTANCE).message()).contains(other.key.keyId())
                    .contains(site.key.keyId());
        }

        @Test
        void aChainTransplantedToAnotherInstanceIsBroken() throws IOException {
            Site other = new Site(directory.resolve("other"), LICENSE);
            String stolen = other.resign(site.export(1), lines -> replaceAll(lines, site.key.keyId(), other.key.keyId()));

            UsageImport.Rejected rejected = rejected(other.importInto(stolen, null), UsageFailure.CHAIN_BROKEN);

            assertThat(rejected.seq()).isEqualTo(OptionalLong.of(1));
        }
    }

    @Nested
    class Form {

        @Test
        void aChangedSignatureIsBad() throws IOException {
            String report = site.export(1);
            int at = report.lastIndexOf(' ') + 5;
            String changed = report.substring(0, at) + (report.charAt(at) == 'A' ? 'B' : 'A') + report.substring(at + 1);

            rejected(site.importInto(changed, null), UsageFailure.BAD_SIGNATURE);
        }

        @Test
        void aReportSignedByAnotherKeyUnderTheRegisteredKeyIdIsBad() throws IOException {
            InstanceKey stranger = InstanceKey.generate();
            String report = site.export(1);
            String signedPart = report.substring(0, report.indexOf("signature ed25519"));
            String forged = SignedText.sign(signedPart, site.key.keyId(), stranger.signer());

            rejected(site.importInto(forged, null), UsageFailure.BAD_SIGNATURE);
        }

        @Test
        void crLfLineEndingsAreMalformedAtLine1() throws IOException {
            UsageImport.Rejected rejected = rejected(site.importInto(site.export(1).replace("\n", "\r\n"), null),
                    UsageFailure.MALFORMED);

            assertThat(rejected.line()).isEqualTo(OptionalInt.of(1));
            assertThat(rejected.message()).contains("carriage return");
        }

        @Test
        void anEntryLineThatIsNotAnEntryIsMalformedAtItsLine() throws IOException {
            String garbled = site.resign(site.export(1), lines -> {
                lines.set(3, lines.get(3).replace("\"users\":20", "\"users\": 20"));
                return lines;
            });
            String extra = site.resign(site.export(1), lines -> {
                lines.set(2, lines.get(2).replace("{\"seq\":1,", "{\"seq\":1,\"note\":\"x\","));
                return lines;
            });

            assertThat(rejected(site.importInto(garbled, null), UsageFailure.MALFORMED).line()).isEqualTo(OptionalInt.of(4));
            assertThat(rejected(site.importInto(extra, null), UsageFailure.MALFORMED).line()).isEqualTo(OptionalInt.of(3));
        }

        @Test
        void aHeaderThatDoesNotMatchItsEntriesIsMalformedAtLine2() throws IOException {
            String wrongEnd = site.resign(site.export(1), lines -> replaceAll(lines, "\"lastSeq\":3", "\"lastSeq\":4"));

            UsageImport.Rejected rejected = rejected(site.importInto(wrongEnd, null), UsageFailure.MALFORMED);

            assertThat(rejected.line()).isEqualTo(OptionalInt.of(2));
        }

        @Test
        void aSignatureLineNamingAnotherKeyThanTheHeaderIsMalformed() throws IOException {
            String report = site.export(1);
            String renamed = report.replace("signature ed25519 " + site.key.keyId(), "signature ed25519 ik-0000000000000000");

            assertThat(rejected(site.importInto(renamed, null), UsageFailure.MALFORMED).line()).isEqualTo(OptionalInt.of(6));
        }

        @Test
        void everyTruncationIsMalformed() throws IOException {
            byte[] report = site.export(1).getBytes(StandardCharsets.UTF_8);
            for (int length = 0; length < report.length; length++) {
                UsageImport result = UsageReportVerifier.verify(Arrays.copyOf(report, length), LICENSE, site.key.publicKey(), null);
                assertThat(result).as("first %d bytes", length).isInstanceOfSatisfying(UsageImport.Rejected.class,
                        rejected -> assertThat(rejected.failure()).isEqualTo(UsageFailure.MALFORMED));
            }
        }

        @Test
        void everyByteChangeIsRefused() throws IOException {
            Site small = new Site(directory.resolve("small"), LICENSE).recordUpTo(1);
            byte[] report = small.export(1).getBytes(StandardCharsets.UTF_8);
            assertThat(UsageReportVerifier.verify(report, LICENSE, small.key.publicKey(), null))
                    .isInstanceOf(UsageImport.Accepted.class);
            for (int i = 0; i < report.length; i++) {
                byte[] changed = report.clone();
                changed[i] ^= 0x01;
                assertThat(UsageReportVerifier.verify(changed, LICENSE, small.key.publicKey(), null)).as("byte %d", i)
                        .isInstanceOf(UsageImport.Rejected.class);
            }
        }
    }

    private static List<String> replaceAll(List<String> lines, String from, String to) {
        lines.replaceAll(line -> line.replace(from, to));
        return lines;
    }

    private static UsageImport.Accepted accepted(UsageImport result) {
        assertThat(result).as("%s", result).isInstanceOf(UsageImport.Accepted.class);
        return (UsageImport.Accepted) result;
    }

    private static UsageImport.Rejected rejected(UsageImport result, UsageFailure failure) {
        assertThat(result).as("%s", result).isInstanceOf(UsageImport.Rejected.class);
        UsageImport.Rejected rejected = (UsageImport.Rejected) result;
        assertThat(rejected.failure()).as(rejected.message()).isEqualTo(failure);
        return rejected;
    }
}
