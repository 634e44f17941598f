package ai.dify.delms.systemtests.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher helper runs the script with the command and component, from the script's folder, and fails on a failed command. */
class LauncherTest {

    @TempDir
    Path folder;

    @Test
    void runsTheCommandForTheComponentFromTheLaunchersFolder() throws IOException {
        Path calls = folder.resolve("calls");
        Launcher launcher = new Launcher(script("echo \"$1 $2 in $(pwd)\" >> calls"));

        launcher.stop("kafka");
        launcher.start("kafka");
        launcher.freeze("customer-service");
        launcher.thaw("customer-service");

        assertThat(Files.readAllLines(calls)).containsExactly(
                "stop kafka in " + folder.toRealPath(),
                "start kafka in " + folder.toRealPath(),
                "freeze customer-service in " + folder.toRealPath(),
                "thaw customer-service in " + folder.toRealPath());
    }

    @Test
    void aFailedCommandFailsTheTest() throws IOException {
        Launcher launcher = new Launcher(script("echo 'no such component' >&2; exit 3"));

        assertThatThrownBy(() -> launcher.start("nope"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit code 3");
    }

    @Test
    void aMissingLauncherSaysWhereItLooked() {
        Launcher launcher = new Launcher(folder.resolve("delms"));

        assertThatThrownBy(() -> launcher.stop("kafka"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(folder.resolve("delms").toString());
    }

    private Path script(String body) throws IOException {
        Path script = folder.resolve("delms");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
