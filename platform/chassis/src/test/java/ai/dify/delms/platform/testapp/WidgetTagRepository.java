package ai.dify.delms.platform.testapp;

import org.springframework.data.jpa.repository.JpaRepository;

interface WidgetTagRepository extends JpaRepository<WidgetTag, WidgetTag.Key> {
}
