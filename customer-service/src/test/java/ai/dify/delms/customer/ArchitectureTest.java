package ai.dify.delms.customer;

import ai.dify.delms.platform.test.arch.DelmsArchitectureRules;

class ArchitectureTest extends DelmsArchitectureRules {
}
