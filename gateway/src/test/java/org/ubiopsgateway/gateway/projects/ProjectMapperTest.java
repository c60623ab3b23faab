package org.ubiopsgateway.gateway.projects;

import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.upstream.wire.ProjectDetail;
import org.ubiopsgateway.gateway.upstream.wire.Timestamp;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The creation dates upstream documents, as the public surface shows them. */
class ProjectMapperTest {

    @Test
    void aBareDayStaysThatDay() {
        // the document's own example: no time, no zone; neither may be invented
        assertEquals("2018-10-26", ProjectMapper.creationDate(Timestamp.of("2018-10-26")));
        assertEquals("2018-10-26", ProjectMapper.project(new ProjectDetail("id", "project-1", Timestamp.of("2018-10-26"),
                false, "organization-1", null, false, null, List.of())).creationDate());
    }

    @Test
    void aDateTimeBecomesIsoAndUnreadableTextPassesAsGiven() {
        assertEquals("2020-05-23T11:53:02.873Z", ProjectMapper.creationDate(Timestamp.of("2020-05-23T11:53:02.873+00:00")));
        assertEquals("2020-06-22T18:04:76Z", ProjectMapper.creationDate(Timestamp.of("2020-06-22T18:04:76Z")));
        assertNull(ProjectMapper.creationDate(null));
    }
}
