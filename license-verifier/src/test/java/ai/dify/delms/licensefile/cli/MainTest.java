package ai.dify.delms.licensefile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.licensefile.Ed25519;
import ai.dify.delms.licensefile.TestKeys;
import ai.dify.delms.licensefile.TestKeys.Listed;
import ai.dify.delms.licensefile.json.Json;
import ai.dify.delms.licensefile.license.LicenseFileWriter;
import ai.dify.delms.licensefile.license.LicenseVerdict;
import ai.dify.delms.licensefile.license.TestLicenses;
import ai.dify.delms.licensefile.usage.ChainPosition;
import ai.dify.delms.licensefile.usage.InstanceKey;
import ai.dify.delms.licensefile.usage.UsageImport;
import ai.dify.delms.licensefile.usage.UsageReportVerifier;

class MainTest {

    private static final Listed ACTIVE = Listed.active("lk-2026-a", Ed25519.generateKeyPair());
    private static final Listed REVOKED = new Listed("lk-2025-x", Ed25519.generateKeyPair(), "REVOKED", null);
    private static final String NOW = "2026-06-15T12:00:00Z";

    @TempDir
    Path directory;

    private Path keys;

    @BeforeEach
    void keysDocument() throws IOException {
        keys = Files.writeString(directory.resolve("keys.json"), TestKeys.document(ACTIVE, REVOKED));
    }

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path license(String name, String text) throws IOException {
        return Files.write(directory.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private Path validLicense() throws IOException {
        return license("valid.lic", LicenseFileWriter.write(TestLicenses.terms(), ACTIVE.kid(), ACTIVE.signer()));
    }

    @Nested
    class Verify {

        @Test
        void aValidFileExitsWith0AndSaysSoWithTheTerms() throws IOException {
            Run run = run("verify", validLicense().toString(), "--keys", keys.toString(), "--now", NOW);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("VALID: License ENT-202512-000042 for Acme Corp is valid until 2026-12-31"
                    + " (199 days left).\n");
            assertThat(run.out()).contains("  Authorized   10 workspaces, 250 users\n")
                    .contains("  Valid        2026-01-01 to 2026-12-31, grace period 30 days\n")
                    .contains("  Signing key  lk-2026-a\n")
                    .doesNotContain("NOT verified");
            assertThat(run.err()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "IN_GRACE,      valid,    2027-01-05T00:00:00Z, 0",
                "EXPIRED,       valid,    2027-03-01T00:00:00Z, 10",
                "NOT_YET_VALID, valid,    2025-12-01T00:00:00Z, 11",
                "BAD_SIGNATURE, tampered, 2026-06-15T12:00:00Z, 20",
                "UNKNOWN_KEY,   unknown,  2026-06-15T12:00:00Z, 21",
                "KEY_REVOKED,   revoked,  2026-06-15T12:00:00Z, 22",
                "MALFORMED,     crlf,     2026-06-15T12:00:00Z, 23"})
        void everyVerdictHasItsExitCode(LicenseVerdict verdict, String file, String now, int exitCode) throws IOException {
            String valid = LicenseFileWriter.write(TestLicenses.terms(), ACTIVE.kid(), ACTIVE.signer());
            String text = switch (file) {
                case "tampered" -> valid.replace("\"authorizedUsers\": 250", "\"authorizedUsers\": 999");
                case "unknown" -> LicenseFileWriter.write(TestLicenses.terms(), "lk-unknown", ACTIVE.signer());
                case "revoked" -> LicenseFileWriter.write(TestLicenses.terms(), REVOKED.kid(), REVOKED.signer());
                case "crlf" -> valid.replace("\n", "\r\n");
                default -> valid;
            };

            Run run = run("verify", license(file + ".lic", text).toString(), "--keys", keys.toString(), "--now", now);

            assertThat(run.exitCode()).isEqualTo(exitCode).isEqualTo(verdict.exitCode());
            assertThat(run.out()).startsWith(verdict + ": ");
        }

        @Test
        void termsOfAFileThatIsNotAuthenticAreShownAsClaimsOnly() throws IOException {
            String forged = LicenseFileWriter.write(TestLicenses.terms(), ACTIVE.kid(), ACTIVE.signer())
                    .replace("\"authorizedUsers\": 250", "\"authorizedUsers\": 999");

            Run run = run("verify", license("forged.lic", forged).toString(), "--keys", keys.toString(), "--now", NOW);

            assertThat(run.out()).contains("What the file claims (NOT verified):").contains("999 users");
        }

        @Test
        void jsonOutputCarriesTheVerdictAndTheTerms() throws IOException {
            Run run = run("verify", validLicense().toString(), "--keys", keys.toString(), "--now", "2027-01-05T00:00:00Z",
                    "--json");

            Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
            assertThat(run.exitCode()).isZero();
            assertThat(json.get("result")).isEqualTo("IN_GRACE");
            assertThat(json.get("exitCode")).hasToString("0");
            assertThat(json.get("permitsUse")).isEqualTo(true);
            assertThat(json.get("authentic")).isEqualTo(true);
            assertThat(json.get("daysLeft")).hasToString("25");
            assertThat(json.get("keyId")).isEqualTo("lk-2026-a");
            Map<?, ?> license = (Map<?, ?>) json.get("license");
            assertThat(license.get("licenseId")).isEqualTo("ENT-202512-000042");
            assertThat(license.get("authorizedUsers")).hasToString("250");
            assertThat(license.get("expiryDate")).isEqualTo("2026-12-31");
        }

        @Test
        void jsonOutputOfAMalformedFileHasNoTerms() throws IOException {
            Run run = run("verify", license("empty.lic", "").toString(), "--keys", keys.toString(), "--json");

            Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
            assertThat(run.exitCode()).isEqualTo(23);
            assertThat(json.get("result")).isEqualTo("MALFORMED");
            assertThat(json.get("license")).isNull();
            assertThat(json.get("authentic")).isEqualTo(false);
        }

        @Test
        void theStateFileCatchesAClockSetBack() throws IOException {
            Path state = directory.resolve("license.state");
            String file = validLicense().toString();

            assertThat(run("verify", file, "--keys", keys.toString(), "--now", NOW, "--state", state.toString()).exitCode())
                    .isZero();
            Run back = run("verify", file, "--keys", keys.toString(), "--now", "2026-06-15T09:00:00Z", "--state",
                    state.toString());

            assertThat(back.exitCode()).isEqualTo(30);
            assertThat(back.out()).startsWith("CLOCK_ROLLED_BACK: ");
            assertThat(Files.readString(state)).isEqualTo(NOW + "\n");
        }

        @Test
        void withoutAStateFileEachRunStandsAlone() throws IOException {
            String file = validLicense().toString();
            run("verify", file, "--keys", keys.toString(), "--now", NOW);

            assertThat(run("verify", file, "--keys", keys.toString(), "--now", "2026-06-01T00:00:00Z").exitCode()).isZero();
        }

        @Test
        void filesThatCannotBeReadExitWith3() throws IOException {
            String file = validLicense().toString();
            Path badKeys = Files.writeString(directory.resolve("bad-keys.json"), "{\"keys\":[{\"kty\":\"OKP\"");
            Path badState = Files.writeString(directory.resolve("bad.state"), "yesterday");

            Run missing = run("verify", directory.resolve("missing.lic").toString(), "--keys", keys.toString());
            Run keysInvalid = run("verify", file, "--keys", badKeys.toString());
            Run stateInvalid = run("verify", file, "--keys", keys.toString(), "--state", badState.toString());

            assertThat(missing.exitCode()).isEqualTo(3);
            assertThat(missing.err()).contains("no such file").contains("missing.lic");
            assertThat(keysInvalid.exitCode()).isEqualTo(3);
            assertThat(keysInvalid.err()).contains("the keys document").contains("is not valid");
            assertThat(stateInvalid.exitCode()).isEqualTo(3);
            assertThat(stateInvalid.err()).contains("does not hold an instant");
        }

        @Test
        void aWrongCommandLineExitsWith2AndShowsTheUsage() throws IOException {
            String file = validLicense().toString();

            Run noKeys = run("verify", file);
            Run badNow = run("verify", file, "--keys", keys.toString(), "--now", "tomorrow");
            Run unknownOption = run("verify", file, "--keys", keys.toString(), "--verbose");
            Run twoFiles = run("verify", file, file, "--keys", keys.toString());
            Run twice = run("verify", file, "--keys", keys.toString(), "--keys", keys.toString());

            assertThat(noKeys.exitCode()).isEqualTo(2);
            assertThat(noKeys.err()).contains("--keys is required").contains("Usage:");
            assertThat(badNow.exitCode()).isEqualTo(2);
            assertThat(badNow.err()).contains("--now must be an instant");
            assertThat(unknownOption.exitCode()).isEqualTo(2);
            assertThat(twoFiles.exitCode()).isEqualTo(2);
            assertThat(twice.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void onlyValidAndInGraceExitWith0AndEveryOtherVerdictHasItsOwnCode() {
        Set<LicenseVerdict> zero = Arrays.stream(LicenseVerdict.values()).filter(v -> v.exitCode() == 0)
                .collect(Collectors.toSet());
        assertThat(zero).isEqualTo(EnumSet.of(LicenseVerdict.VALID, LicenseVerdict.IN_GRACE));
        assertThat(Arrays.stream(LicenseVerdict.values()).filter(v -> v.exitCode() != 0).map(LicenseVerdict::exitCode)
                .collect(Collectors.toSet())).hasSize(LicenseVerdict.values().length - 2)
                .doesNotContain(1, 2, 3);
    }

    @Test
    void withoutACommandOrWithAnUnknownOneExitsWith2() {
        assertThat(run().exitCode()).isEqualTo(2);
        assertThat(run("frobnicate").err()).contains("unknown command frobnicate");
        assertThat(run("help").exitCode()).isZero();
        assertThat(run("help").out()).contains("license-verifier verify <license file>");
    }

    @Nested
    class SiteCommands {

        @Test
        void initCreatesTheInstanceKeyOnceAndShowPrintsIt() {
            Path site = directory.resolve("site");

            Run init = run("instance-key", "init", "--dir", site.toString());
            Run again = run("instance-key", "init", "--dir", site.toString());
            Run show = run("instance-key", "show", "--dir", site.toString());

            assertThat(init.exitCode()).isZero();
            assertThat(init.out()).containsPattern("instance key id  ik-[0-9a-f]{16}\n")
                    .containsPattern("public key       [A-Za-z0-9_-]{43}  ")
                    .contains("Register the public key with DELMS");
            assertThat(again.exitCode()).isEqualTo(3);
            assertThat(again.err()).contains("never replaced");
            assertThat(show.exitCode()).isZero();
            assertThat(init.out()).contains(show.out().lines().findFirst().orElseThrow());
        }

        @Test
        void recordAndExportProduceAReportDelmsAccepts() throws IOException {
            Path site = directory.resolve("site");
            Path report = directory.resolve("report.usage");
            run("instance-key", "init", "--dir", site.toString());

            Run first = run("usage", "record", "--dir", site.toString(), "--license", "ENT-202512-000042",
                    "--workspaces", "3", "--users", "40", "--at", "2026-12-01T06:00:00Z");
            Run second = run("usage", "record", "--dir", site.toString(), "--license", "ENT-202512-000042",
                    "--workspaces", "4", "--users", "45", "--at", "2026-12-02T06:00:00Z");
            Run export = run("usage", "export", "--dir", site.toString(), "--out", report.toString());

            assertThat(first.exitCode()).isZero();
            assertThat(first.out()).startsWith("Recorded seq 1 for ENT-202512-000042 at 2026-12-01T06:00:00Z: 3 workspaces, 40 users");
            assertThat(second.out()).startsWith("Recorded seq 2 ");
            assertThat(export.exitCode()).isZero();
            assertThat(export.out()).contains("seq 1 to 2");
            PublicKey registered = InstanceKey.parsePublicKey(Files.readString(site.resolve("instance.pub")));
            UsageImport imported = UsageReportVerifier.verify(Files.readAllBytes(report), "ENT-202512-000042",
                    registered, null);
            assertThat(imported).isInstanceOfSatisfying(UsageImport.Accepted.class,
                    accepted -> assertThat(accepted.newPosition().seq()).isEqualTo(2));

            Path later = directory.resolve("later.usage");
            run("usage", "record", "--dir", site.toString(), "--license", "ENT-202512-000042", "--workspaces", "5",
                    "--users", "50", "--at", "2026-12-03T06:00:00Z");
            assertThat(run("usage", "export", "--dir", site.toString(), "--from-seq", "3", "--out", later.toString())
                    .exitCode()).isZero();
            ChainPosition position = ((UsageImport.Accepted) imported).newPosition();
            assertThat(UsageReportVerifier.verify(Files.readAllBytes(later), "ENT-202512-000042", registered,
                    position)).isInstanceOf(UsageImport.Accepted.class);
        }

        @Test
        void usageCommandsRefuseWhatTheyCannotDo() {
            Path site = directory.resolve("site");

            Run beforeInit = run("usage", "record", "--dir", site.toString(), "--license", "ENT-202512-000042",
                    "--workspaces", "1", "--users", "1");
            run("instance-key", "init", "--dir", site.toString());
            Run badLicense = run("usage", "record", "--dir", site.toString(), "--license", "ENT-1", "--workspaces", "1",
                    "--users", "1");
            Run negative = run("usage", "record", "--dir", site.toString(), "--license", "ENT-202512-000042",
                    "--workspaces", "-1", "--users", "1");
            Run nothingToExport = run("usage", "export", "--dir", site.toString(), "--out",
                    directory.resolve("r.usage").toString());

            assertThat(beforeInit.exitCode()).isEqualTo(3);
            assertThat(beforeInit.err()).contains("no such file").contains("instance.key");
            assertThat(badLicense.exitCode()).isEqualTo(2);
            assertThat(negative.exitCode()).isEqualTo(2);
            assertThat(nothingToExport.exitCode()).isEqualTo(3);
            assertThat(nothingToExport.err()).contains("Nothing has been recorded");
            assertThat(directory.resolve("r.usage")).doesNotExist();
        }
    }
}
