package ai.dify.delms.license;

import ai.dify.delms.platform.test.arch.DelmsArchitectureRules;

class ArchitectureTest extends DelmsArchitectureRules {
}
