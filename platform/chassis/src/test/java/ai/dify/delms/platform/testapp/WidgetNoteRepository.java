package ai.dify.delms.platform.testapp;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface WidgetNoteRepository extends JpaRepository<WidgetNote, UUID> {
}
