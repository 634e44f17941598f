package ai.dify.delms.licensefile.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.dify.delms.licensefile.Base64Url;
import ai.dify.delms.licensefile.Ed25519;

class InstanceKeyFilesTest {

    @TempDir
    Path directory;

    @Test
    void initWritesThePrivateKeyForTheOwnerOnlyAndThePublicKeyInItsRegisteredForm() throws IOException {
        InstanceKey key = InstanceKeyFiles.init(directory.resolve("site"));

        Path privateFile = directory.resolve("site").resolve(InstanceKeyFiles.PRIVATE_KEY_FILE);
        assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        if (Files.getFileAttributeView(privateFile, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
        }
        String publicText = Files.readString(directory.resolve("site").resolve(InstanceKeyFiles.PUBLIC_KEY_FILE));
        assertThat(publicText).isEqualTo(key.publicKeyText() + "\n");
        assertThat(Base64Url.decode(key.publicKeyText())).hasSize(32);
        assertThat(key.keyId()).matches("ik-[0-9a-f]{16}");
    }

    @Test
    void loadGivesBackTheSameKey() throws IOException {
        InstanceKey created = InstanceKeyFiles.init(directory);

        InstanceKey loaded = InstanceKeyFiles.load(directory);

        assertThat(loaded.keyId()).isEqualTo(created.keyId());
        byte[] data = "report".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(created.publicKey(), data, loaded.signer().sign(data))).isTrue();
    }

    @Test
    void anInstanceKeyIsNeverReplaced() throws IOException {
        InstanceKey first = InstanceKeyFiles.init(directory);

        assertThatThrownBy(() -> InstanceKeyFiles.init(directory)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(InstanceKeyFiles.load(directory).keyId()).isEqualTo(first.keyId());
    }

    @Test
    void aPublicKeyFileThatDoesNotMatchThePrivateKeyIsRefused() throws IOException {
        InstanceKeyFiles.init(directory);
        Files.writeString(directory.resolve(InstanceKeyFiles.PUBLIC_KEY_FILE), InstanceKey.generate().publicKeyText() + "\n");

        assertThatThrownBy(() -> InstanceKeyFiles.load(directory)).isInstanceOf(IOException.class)
                .hasMessageContaining("not one pair");
    }

    @Test
    void theKeyIdIsDerivedFromThePublicKeyAlone() {
        InstanceKey key = InstanceKey.generate();

        assertThat(InstanceKey.keyIdOf(InstanceKey.parsePublicKey(key.publicKeyText()))).isEqualTo(key.keyId());
        assertThat(InstanceKey.generate().keyId()).isNotEqualTo(key.keyId());
    }

    @Test
    void parsePublicKeyRefusesWhatIsNotA32ByteKey() {
        assertThatThrownBy(() -> InstanceKey.parsePublicKey(Base64Url.encode(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> InstanceKey.parsePublicKey("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}
