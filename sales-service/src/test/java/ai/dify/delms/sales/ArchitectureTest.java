package ai.dify.delms.sales;

import ai.dify.delms.platform.test.arch.DelmsArchitectureRules;

class ArchitectureTest extends DelmsArchitectureRules {
}
