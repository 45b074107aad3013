package io.billingnow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpException;
import org.junit.jupiter.api.Test;

/**
 * Jetty can refuse a request while the application is reading its body: a body arriving below the connector's
 * minimum data rate (408; under load it also hits small bodies read late), a broken chunk (400). Such refusals are
 * the client's side and must answer their own 4xx problem, not a 500 (seen in the load benchmark).
 */
class JettyRefusalMappingTest {

    private final ExceptionMappers.UnexpectedExceptionMapper mapper = new ExceptionMappers.UnexpectedExceptionMapper();

    @Test
    void aSlowBodyIsA408Problem() {
        Response response = mapper.toResponse(new BadMessageException(408, "Request content data rate < 1024 B/s"));
        assertThat(response.getStatus()).isEqualTo(408);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type().toString()).endsWith("request-timeout");
        assertThat(problem.detail()).doesNotContain("1024");
    }

    @Test
    void aRefusalWrappedByJerseyKeepsItsStatus() {
        Response response = mapper.toResponse(new ProcessingException(new BadMessageException(400, "bad chunk")));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Problem) response.getEntity()).type().toString()).endsWith("bad-request");
    }

    @Test
    void aServerSideJettyFailureIsStillA500() {
        Response response = mapper.toResponse(new HttpException.RuntimeException(500, "internal"));
        assertThat(response.getStatus()).isEqualTo(500);
    }
}
