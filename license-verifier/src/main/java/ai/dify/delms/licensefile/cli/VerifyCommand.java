package ai.dify.delms.licensefile.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.dify.delms.licensefile.json.Json;
import ai.dify.delms.licensefile.json.JsonException;
import ai.dify.delms.licensefile.license.FileLastSeenTimeStore;
import ai.dify.delms.licensefile.license.LastSeenTimeStore;
import ai.dify.delms.licensefile.license.LicenseKeys;
import ai.dify.delms.licensefile.license.LicenseTerms;
import ai.dify.delms.licensefile.license.LicenseVerification;
import ai.dify.delms.licensefile.license.LicenseVerifier;

/** {@code verify <license file> --keys <keys.json> [--now <instant>] [--state <file>] [--json]}. */
final class VerifyCommand {

    private VerifyCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        Arguments arguments = Arguments.parse(args, Set.of("--keys", "--now", "--state"), Set.of("--json"));
        if (arguments.positionals().size() != 1) {
            throw new UsageException("verify takes one license file");
        }
        Path licenseFile = Path.of(arguments.positionals().get(0));
        Path keysFile = Path.of(arguments.required("--keys"));
        Instant now = arguments.instant("--now").orElseGet(Instant::now);
        LastSeenTimeStore state = arguments.option("--state").<LastSeenTimeStore>map(
                file -> new FileLastSeenTimeStore(Path.of(file))).orElseGet(LastSeenTimeStore::inMemory);

        LicenseKeys keys;
        try {
            keys = LicenseKeys.parse(Files.readString(keysFile, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new IOException("the keys document " + keysFile + " is not valid: " + e.getMessage(), e);
        }
        byte[] license = Files.readAllBytes(licenseFile);
        LicenseVerification result = new LicenseVerifier(keys, Clock.fixed(now, ZoneOffset.UTC), state).verify(license);
        if (arguments.flag("--json")) {
            out.println(Json.write(json(result)));
        } else {
            printHuman(result, out);
        }
        return result.verdict().exitCode();
    }

    private static void printHuman(LicenseVerification result, PrintStream out) {
        out.println(result.verdict() + ": " + result.message());
        result.claimedTerms().ifPresent(terms -> {
            out.println();
            if (!result.verdict().isAuthentic()) {
                out.println("  What the file claims (NOT verified):");
            }
            row(out, "License ID", terms.licenseId() + " (license version " + terms.licenseVersion() + ")");
            row(out, "Customer", terms.customerName() + " (" + terms.customerId() + ")");
            row(out, "Product", terms.productType() + ", " + terms.licenseType() + ", status " + terms.status());
            row(out, "Authorized", terms.authorizedWorkspaces() + " workspaces, " + terms.authorizedUsers() + " users");
            row(out, "Valid", terms.startDate() + " to " + terms.expiry().map(Object::toString).orElse("(no expiry)")
                    + ", grace period " + terms.gracePeriodDays() + " days");
            row(out, "Issued", terms.issuedAt() + ", file " + terms.fileSerial());
            result.keyId().ifPresent(keyId -> row(out, "Signing key", keyId));
        });
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("  %-12s %s%n", label, value);
    }

    private static Map<String, Object> json(LicenseVerification result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", result.verdict().name());
        json.put("exitCode", result.verdict().exitCode());
        json.put("permitsUse", result.permitsUse());
        json.put("authentic", result.verdict().isAuthentic());
        json.put("message", result.message());
        json.put("daysLeft", result.daysLeft().isPresent() ? (Object) result.daysLeft().getAsLong() : null);
        json.put("keyId", result.keyId().orElse(null));
        json.put("license", result.claimedTerms().map(VerifyCommand::json).orElse(null));
        return json;
    }

    private static Map<String, Object> json(LicenseTerms terms) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("licenseId", terms.licenseId());
        json.put("licenseVersion", terms.licenseVersion());
        json.put("fileSerial", terms.fileSerial());
        json.put("issuedAt", terms.issuedAt().toString());
        json.put("customerId", terms.customerId().toString());
        json.put("customerName", terms.customerName());
        json.put("productType", terms.productType());
        json.put("licenseType", terms.licenseType());
        json.put("status", terms.status());
        json.put("authorizedWorkspaces", terms.authorizedWorkspaces());
        json.put("authorizedUsers", terms.authorizedUsers());
        json.put("startDate", terms.startDate().toString());
        json.put("expiryDate", terms.expiry().map(Object::toString).orElse(null));
        json.put("gracePeriodDays", terms.gracePeriodDays());
        return json;
    }
}
