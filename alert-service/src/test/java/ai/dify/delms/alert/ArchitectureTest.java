package ai.dify.delms.alert;

import ai.dify.delms.platform.test.arch.DelmsArchitectureRules;

class ArchitectureTest extends DelmsArchitectureRules {
}
