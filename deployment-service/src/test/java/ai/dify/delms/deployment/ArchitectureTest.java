package ai.dify.delms.deployment;

import ai.dify.delms.platform.test.arch.DelmsArchitectureRules;

class ArchitectureTest extends DelmsArchitectureRules {
}
