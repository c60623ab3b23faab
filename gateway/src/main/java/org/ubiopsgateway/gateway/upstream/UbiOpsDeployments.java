package org.ubiopsgateway.gateway.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.ubiopsgateway.gateway.upstream.wire.AuditEvent;
import org.ubiopsgateway.gateway.upstream.wire.Build;
import org.ubiopsgateway.gateway.upstream.wire.Deployment;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentCreate;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentUpdate;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersion;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersionBody;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCopy;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCreate;
import org.ubiopsgateway.gateway.upstream.wire.Revision;
import org.ubiopsgateway.gateway.upstream.wire.RevisionCreate;
import org.ubiopsgateway.gateway.upstream.wire.TemplateDeployment;

import java.util.List;
import java.util.Map;

/**
 * The deployment operations of UbiOps API v2.1 ({@code deployments-api.txt}). Optional query parameters and
 * multipart parts that are null are not sent. The 30th, revisions_file_download, is {@link UpstreamFiles}'s: this
 * client would hold the whole package in memory before answering.
 */
@Path("")
public interface UbiOpsDeployments {

    String DEPLOYMENTS = "/projects/{project_name}/deployments";
    String DEPLOYMENT = DEPLOYMENTS + "/{deployment_name}";
    String VERSION = DEPLOYMENT + "/versions/{version}";
    String REVISION = VERSION + "/revisions/{revision_id}";

    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper base) {
        return UpstreamJson.mapper(base);
    }

    // ---- deployments

    /** deployments_list; {@code labels} is {@code key:value,key2:value2} (a deployment with any of them matches). */
    @GET
    @Path(DEPLOYMENTS)
    Uni<List<Deployment>> listDeployments(@PathParam("project_name") String project, @QueryParam("labels") String labels);

    /** deployments_create */
    @POST
    @Path(DEPLOYMENTS)
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Deployment> createDeployment(@PathParam("project_name") String project, DeploymentCreate deployment);

    /** deployments_get */
    @GET
    @Path(DEPLOYMENT)
    Uni<Deployment> getDeployment(@PathParam("project_name") String project,
                                  @PathParam("deployment_name") String deployment);

    /** deployments_update */
    @PATCH
    @Path(DEPLOYMENT)
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Deployment> updateDeployment(@PathParam("project_name") String project,
                                     @PathParam("deployment_name") String deployment, DeploymentUpdate update);

    /** deployments_delete */
    @DELETE
    @Path(DEPLOYMENT)
    Uni<Void> deleteDeployment(@PathParam("project_name") String project,
                               @PathParam("deployment_name") String deployment);

    /** deployment_audit_events_list; {@code action} create|update|delete|info, {@code limit} defaults to 50 upstream. */
    @GET
    @Path(DEPLOYMENT + "/audit")
    Uni<List<AuditEvent>> listDeploymentAuditEvents(@PathParam("project_name") String project,
                                                    @PathParam("deployment_name") String deployment,
                                                    @QueryParam("action") String action,
                                                    @QueryParam("limit") Integer limit,
                                                    @QueryParam("offset") Integer offset);

    // ---- deployment environment variables

    /** deployment_environment_variables_list: the deployment's own variables and the inherited project ones. */
    @GET
    @Path(DEPLOYMENT + "/environment-variables")
    Uni<List<EnvironmentVariable>> listDeploymentVariables(@PathParam("project_name") String project,
                                                           @PathParam("deployment_name") String deployment);

    /** deployment_environment_variables_create */
    @POST
    @Path(DEPLOYMENT + "/environment-variables")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<EnvironmentVariable> createDeploymentVariable(@PathParam("project_name") String project,
                                                      @PathParam("deployment_name") String deployment,
                                                      EnvironmentVariableCreate variable);

    /** deployment_environment_variables_get (not for inherited variables) */
    @GET
    @Path(DEPLOYMENT + "/environment-variables/{id}")
    Uni<EnvironmentVariable> getDeploymentVariable(@PathParam("project_name") String project,
                                                   @PathParam("deployment_name") String deployment,
                                                   @PathParam("id") String id);

    /** deployment_environment_variables_update (not for inherited variables) */
    @PATCH
    @Path(DEPLOYMENT + "/environment-variables/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<EnvironmentVariable> updateDeploymentVariable(@PathParam("project_name") String project,
                                                      @PathParam("deployment_name") String deployment,
                                                      @PathParam("id") String id, EnvironmentVariableCreate variable);

    /** deployment_environment_variables_delete */
    @DELETE
    @Path(DEPLOYMENT + "/environment-variables/{id}")
    Uni<Void> deleteDeploymentVariable(@PathParam("project_name") String project,
                                       @PathParam("deployment_name") String deployment, @PathParam("id") String id);

    /** deployment_environment_variables_copy: answers only the copied variables. */
    @POST
    @Path(DEPLOYMENT + "/copy-environment-variables")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<List<EnvironmentVariable>> copyDeploymentVariables(@PathParam("project_name") String project,
                                                           @PathParam("deployment_name") String deployment,
                                                           EnvironmentVariableCopy source);

    // ---- versions

    /** deployment_versions_list; {@code labels} as for deployments. */
    @GET
    @Path(DEPLOYMENT + "/versions")
    Uni<List<DeploymentVersion>> listVersions(@PathParam("project_name") String project,
                                              @PathParam("deployment_name") String deployment,
                                              @QueryParam("labels") String labels);

    /** deployment_versions_create: the first version of a deployment becomes its default. */
    @POST
    @Path(DEPLOYMENT + "/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<DeploymentVersion> createVersion(@PathParam("project_name") String project,
                                         @PathParam("deployment_name") String deployment,
                                         DeploymentVersionBody version);

    /** deployment_versions_get */
    @GET
    @Path(VERSION)
    Uni<DeploymentVersion> getVersion(@PathParam("project_name") String project,
                                      @PathParam("deployment_name") String deployment,
                                      @PathParam("version") String version);

    /** deployment_versions_update */
    @PATCH
    @Path(VERSION)
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<DeploymentVersion> updateVersion(@PathParam("project_name") String project,
                                         @PathParam("deployment_name") String deployment,
                                         @PathParam("version") String version, DeploymentVersionBody update);

    /** deployment_versions_delete */
    @DELETE
    @Path(VERSION)
    Uni<Void> deleteVersion(@PathParam("project_name") String project,
                            @PathParam("deployment_name") String deployment, @PathParam("version") String version);

    // ---- version environment variables

    /** deployment_version_environment_variables_list: own, then the deployment's, then the project's. */
    @GET
    @Path(VERSION + "/environment-variables")
    Uni<List<EnvironmentVariable>> listVersionVariables(@PathParam("project_name") String project,
                                                        @PathParam("deployment_name") String deployment,
                                                        @PathParam("version") String version);

    /** deployment_version_environment_variables_create */
    @POST
    @Path(VERSION + "/environment-variables")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<EnvironmentVariable> createVersionVariable(@PathParam("project_name") String project,
                                                   @PathParam("deployment_name") String deployment,
                                                   @PathParam("version") String version,
                                                   EnvironmentVariableCreate variable);

    /** deployment_version_environment_variables_get (not for inherited variables) */
    @GET
    @Path(VERSION + "/environment-variables/{id}")
    Uni<EnvironmentVariable> getVersionVariable(@PathParam("project_name") String project,
                                                @PathParam("deployment_name") String deployment,
                                                @PathParam("version") String version, @PathParam("id") String id);

    /** deployment_version_environment_variables_update (not for inherited variables) */
    @PATCH
    @Path(VERSION + "/environment-variables/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<EnvironmentVariable> updateVersionVariable(@PathParam("project_name") String project,
                                                   @PathParam("deployment_name") String deployment,
                                                   @PathParam("version") String version, @PathParam("id") String id,
                                                   EnvironmentVariableCreate variable);

    /** deployment_version_environment_variables_delete */
    @DELETE
    @Path(VERSION + "/environment-variables/{id}")
    Uni<Void> deleteVersionVariable(@PathParam("project_name") String project,
                                    @PathParam("deployment_name") String deployment,
                                    @PathParam("version") String version, @PathParam("id") String id);

    /** deployment_version_environment_variables_copy: answers only the copied variables. */
    @POST
    @Path(VERSION + "/copy-environment-variables")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<List<EnvironmentVariable>> copyVersionVariables(@PathParam("project_name") String project,
                                                        @PathParam("deployment_name") String deployment,
                                                        @PathParam("version") String version,
                                                        EnvironmentVariableCopy source);

    // ---- revisions and builds

    /** revisions_list */
    @GET
    @Path(VERSION + "/revisions")
    Uni<List<Revision>> listRevisions(@PathParam("project_name") String project,
                                      @PathParam("deployment_name") String deployment,
                                      @PathParam("version") String version);

    /**
     * revisions_file_upload: either {@code file} (streamed from disk, sent under the file's own name), or
     * {@code sourceDeployment} and {@code sourceVersion} together, or {@code templateDeploymentId}; the rest null.
     */
    @POST
    @Path(VERSION + "/revisions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<RevisionCreate> uploadRevision(@PathParam("project_name") String project,
                                       @PathParam("deployment_name") String deployment,
                                       @PathParam("version") String version,
                                       @RestForm("file") @PartType(MediaType.APPLICATION_OCTET_STREAM) java.nio.file.Path file,
                                       @RestForm("source_deployment") String sourceDeployment,
                                       @RestForm("source_version") String sourceVersion,
                                       @RestForm("template_deployment_id") String templateDeploymentId);

    /** revisions_get */
    @GET
    @Path(REVISION)
    Uni<Revision> getRevision(@PathParam("project_name") String project,
                              @PathParam("deployment_name") String deployment, @PathParam("version") String version,
                              @PathParam("revision_id") String revisionId);

    /** revisions_rebuild: upstream wants a JSON object body; an empty one is sent. */
    default Uni<Revision> rebuildRevision(String project, String deployment, String version, String revisionId) {
        return rebuildRevision(project, deployment, version, revisionId, Map.of());
    }

    /** revisions_rebuild, with the body as given. */
    @POST
    @Path(REVISION + "/rebuild")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Revision> rebuildRevision(@PathParam("project_name") String project,
                                  @PathParam("deployment_name") String deployment,
                                  @PathParam("version") String version, @PathParam("revision_id") String revisionId,
                                  Map<String, Object> body);

    /** builds_get */
    @GET
    @Path(VERSION + "/builds/{build_id}")
    Uni<Build> getBuild(@PathParam("project_name") String project, @PathParam("deployment_name") String deployment,
                        @PathParam("version") String version, @PathParam("build_id") String buildId);

    /** template_deployments_list */
    @GET
    @Path("/template-deployments")
    Uni<List<TemplateDeployment>> listTemplateDeployments();
}
