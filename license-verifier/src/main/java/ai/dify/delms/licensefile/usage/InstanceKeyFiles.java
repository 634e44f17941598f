package ai.dify.delms.licensefile.usage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

import ai.dify.delms.licensefile.Ed25519;

/**
 * The instance key in a site's directory: {@value #PRIVATE_KEY_FILE}, the private key as PKCS#8 PEM
 * (mode 600 where the file system has POSIX permissions), and {@value #PUBLIC_KEY_FILE}, the public key
 * in its registered text form on one line.
 */
public final class InstanceKeyFiles {

    public static final String PRIVATE_KEY_FILE = "instance.key";
    public static final String PUBLIC_KEY_FILE = "instance.pub";

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private InstanceKeyFiles() {
    }

    /**
     * Generates the instance key and writes it to {@code directory} (created if missing).
     *
     * @throws FileAlreadyExistsException when the directory has an instance key already: it is never
     *         replaced, as DELMS knows it
     */
    public static InstanceKey init(Path directory) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            throw new FileAlreadyExistsException(directory.toString(), null,
                    "it has an instance key already; it is never replaced, as DELMS knows it");
        }
        Files.createDirectories(directory);
        InstanceKey key = InstanceKey.generate();
        String pem = PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.privateKeyPkcs8())
                + "\n" + PEM_END + "\n";
        try (OutputStream out = Files.newOutputStream(createOwnerOnly(privateFile))) {
            out.write(pem.getBytes(StandardCharsets.US_ASCII));
        }
        Files.writeString(publicFile, key.publicKeyText() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        return key;
    }

    /**
     * Reads the instance key of {@code directory}.
     *
     * @throws NoSuchFileException when it has none ({@code instance-key init} creates it)
     * @throws IOException when a file cannot be read or does not hold a key
     */
    public static InstanceKey load(Path directory) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        String pem = Files.readString(privateFile, StandardCharsets.US_ASCII).strip();
        String publicText = Files.readString(publicFile, StandardCharsets.US_ASCII);
        if (!pem.startsWith(PEM_BEGIN) || !pem.endsWith(PEM_END)) {
            throw new IOException(privateFile + " is not a PKCS#8 PEM private key");
        }
        try {
            byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.substring(PEM_BEGIN.length(), pem.length() - PEM_END.length()));
            return new InstanceKey(InstanceKey.parsePublicKey(publicText), Ed25519.privateKey(pkcs8));
        } catch (IllegalArgumentException e) {
            throw new IOException("The instance key in " + directory + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** Creates an empty file that only its owner may read, where the file system knows POSIX permissions. */
    private static Path createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createFile(file, ownerOnly);
        }
        Path created = Files.createFile(file);
        created.toFile().setReadable(false, false);
        created.toFile().setReadable(true, true);
        created.toFile().setWritable(false, false);
        created.toFile().setWritable(true, true);
        return created;
    }
}
