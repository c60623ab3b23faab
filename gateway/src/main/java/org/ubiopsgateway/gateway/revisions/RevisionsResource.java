package org.ubiopsgateway.gateway.revisions;

import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.ubiopsgateway.contract.Created;
import org.ubiopsgateway.contract.RevisionsApi;
import org.ubiopsgateway.gateway.upstream.wire.RevisionFile;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.ResourceId;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.revisions.Build;
import org.ubiopsgateway.model.revisions.Revision;
import org.ubiopsgateway.model.revisions.RevisionSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@link RevisionsApi}, plus the two routes the shared contract cannot carry (see there), declared here with
 * their own annotations: the multipart upload and the download. Both stream: an uploaded package is spooled to
 * disk by Quarkus and sent to upstream from there; a download passes upstream's bytes on as they arrive.
 */
public class RevisionsResource implements RevisionsApi {

    /** What UbiOps serves packages as. */
    static final String ZIP = "application/zip";

    private final RevisionsService service;

    public RevisionsResource(RevisionsService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<List<Revision>> listRevisions(String project, String deployment, String version) {
        return service.list(project, deployment, version).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Revision> createRevision(String project, String deployment, String version,
                                                    RevisionSource source) {
        return service.create(project, deployment, version, source).subscribeAsCompletionStage();
    }

    /**
     * Blocking, so that Quarkus reads the form on a worker thread: read on the event loop, a broken percent-escape in
     * the last field escapes its parser and the request is never answered.
     */
    @Override
    @Blocking
    public CompletionStage<Revision> createRevisionFromForm(String project, String deployment, String version,
                                                            String sourceDeployment, String sourceVersion,
                                                            String templateId) {
        return service.create(project, deployment, version,
                new RevisionSource(sourceDeployment, sourceVersion, templateId)).subscribeAsCompletionStage();
    }

    /**
     * The upload. {@link FileUpload} is how Quarkus hands over a part it spooled to disk (with the caller's file
     * name), which a portable contract cannot name; the client's counterpart is
     * {@code RevisionsClient.uploadRevisionFile}.
     */
    @POST
    @Path("revisions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Created
    @Operation(summary = "Upload a deployment package as a new revision",
            description = "multipart/form-data with the zip as the 'file' part (its file name is kept). Instead of "
                    + "a file, the text parts sourceDeployment and sourceVersion, or templateId, may name where the "
                    + "package comes from; exactly one of these. Bodies up to gateway.limits.upload are accepted "
                    + "and streamed through disk. Answers the new revision with the id of the build it started. "
                    + "Upstream: revisions_file_upload.")
    @APIResponse(responseCode = "201", description = "The revision was created; Location names it")
    @APIResponse(responseCode = "400", description = "No file and no source, or more than one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the configured upload limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Revision> uploadRevisionFile(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version,
            @RestForm("file") FileUpload file,
            @RestForm("sourceDeployment") @ResourceName String sourceDeployment,
            @RestForm("sourceVersion") @ResourceName String sourceVersion,
            @RestForm("templateId") @ResourceId String templateId) {
        UploadedPackage uploaded = file == null ? null : new UploadedPackage(file.uploadedFile(), file.fileName());
        return service.create(project, deployment, version,
                new RevisionSource(sourceDeployment, sourceVersion, templateId), uploaded).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Revision> getRevision(String project, String deployment, String version, String revision) {
        return service.get(project, deployment, version, revision).subscribeAsCompletionStage();
    }

    /**
     * The download: upstream's bytes as they arrive, never the whole package in memory. Nothing is sent before
     * upstream answers, so an upstream error (an unknown revision: 404) is an ordinary problem+json answer.
     * {@link RestMulti} (a Quarkus type) carries the headers; the client's counterpart is
     * {@code RevisionsClient.downloadRevisionFile}.
     */
    @GET
    @Path("revisions/{revision}/file")
    @Produces(ZIP) // one type: Quarkus streams a Multi only without negotiation
    @Operation(summary = "Download a revision's deployment package",
            description = "The zip as uploaded, named in Content-Disposition, streamed from UbiOps. "
                    + "Upstream: revisions_file_download.")
    @APIResponse(responseCode = "200", description = "The package",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public RestMulti<Buffer> downloadRevisionFile(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version,
            @PathParam("revision") @ResourceId String revision,
            @Context RoutingContext routing) {
        // Quarkus streams a Multi chunked even when a Content-Length is set: both headers make an answer clients
        // read differently (some take the chunk framing for content). When upstream gave the length, send that.
        routing.addHeadersEndHandler(ignored -> {
            if (routing.response().headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                routing.response().setChunked(false);
            }
        });
        return RestMulti.fromUniResponse(service.download(project, deployment, version, revision),
                RevisionFile::content, RevisionsResource::headers);
    }

    @Override
    public CompletionStage<Revision> rebuildRevision(String project, String deployment, String version,
                                                     String revision) {
        return service.rebuild(project, deployment, version, revision).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Build> getBuild(String project, String deployment, String version, String build) {
        return service.build(project, deployment, version, build).subscribeAsCompletionStage();
    }

    /** The package's name as upstream gave it, and its length when upstream said. */
    static Map<String, List<String>> headers(RevisionFile file) {
        String name = file.fileName() == null ? UploadedPackage.DEFAULT_NAME : file.fileName();
        // A plain ASCII fallback for old clients, the exact name (RFC 6266/8187) for the rest.
        String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        String disposition = "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
        return file.contentLength() == null
                ? Map.of("Content-Disposition", List.of(disposition))
                : Map.of("Content-Disposition", List.of(disposition),
                HttpHeaders.CONTENT_LENGTH, List.of(file.contentLength().toString()));
    }
}
