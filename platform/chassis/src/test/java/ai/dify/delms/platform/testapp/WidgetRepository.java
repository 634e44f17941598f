package ai.dify.delms.platform.testapp;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface WidgetRepository extends JpaRepository<Widget, UUID> {

    boolean existsByName(String name);
}
