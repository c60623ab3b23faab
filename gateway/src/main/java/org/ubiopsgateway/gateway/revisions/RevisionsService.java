package org.ubiopsgateway.gateway.revisions;

import org.ubiopsgateway.gateway.cache.CacheKeys;
import org.ubiopsgateway.gateway.cache.Changes;
import org.ubiopsgateway.gateway.cache.Invalidations;
import org.ubiopsgateway.gateway.cache.ReadCache;
import org.ubiopsgateway.gateway.cache.Region;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.file.FileSystem;
import jakarta.enterprise.context.ApplicationScoped;
import org.ubiopsgateway.gateway.error.BadRequest;
import org.ubiopsgateway.gateway.upstream.UbiOpsDeployments;
import org.ubiopsgateway.gateway.upstream.UpstreamFiles;
import org.ubiopsgateway.gateway.upstream.wire.RevisionCreate;
import org.ubiopsgateway.gateway.upstream.wire.RevisionFile;
import org.ubiopsgateway.model.revisions.Build;
import org.ubiopsgateway.model.revisions.Revision;
import org.ubiopsgateway.model.revisions.RevisionSource;

import java.nio.file.Path;
import java.util.List;

/** Revisions and builds of a version (revisions_*, builds_get). */
@ApplicationScoped
public class RevisionsService {

    private final UbiOpsDeployments deployments;
    private final UpstreamFiles files;
    private final FileSystem fileSystem;
    private final ReadCache cache;
    private final Invalidations invalidations;

    public RevisionsService(UbiOpsDeployments deployments, UpstreamFiles files, Vertx vertx, ReadCache cache,
                            Invalidations invalidations) {
        this.deployments = deployments;
        this.files = files;
        this.fileSystem = vertx.fileSystem();
        this.cache = cache;
        this.invalidations = invalidations;
    }

    public Uni<List<Revision>> list(String project, String deployment, String version) {
        return cache.read(Region.READS, CacheKeys.revisions(project, deployment, version),
                () -> deployments.listRevisions(project, deployment, version)
                        .map(revisions -> revisions.stream().map(r -> RevisionsMapper.revision(r, null)).toList()));
    }

    public Uni<Revision> get(String project, String deployment, String version, String revision) {
        return cache.read(Region.READS, CacheKeys.of(CacheKeys.revisions(project, deployment, version), revision),
                () -> deployments.getRevision(project, deployment, version, revision)
                        .map(r -> RevisionsMapper.revision(r, null)));
    }

    public Uni<Revision> rebuild(String project, String deployment, String version, String revision) {
        return invalidations.after(deployments.rebuildRevision(project, deployment, version, revision),
                Changes.revisions(project, deployment, version)).map(r -> RevisionsMapper.revision(r, null));
    }

    public Uni<Build> build(String project, String deployment, String version, String build) {
        return cache.read(Region.READS, CacheKeys.of(CacheKeys.version(project, deployment, version), "builds", build),
                () -> deployments.getBuild(project, deployment, version, build).map(RevisionsMapper::build));
    }

    /** The package's name, length and bytes, streamed from upstream as the caller reads them. */
    public Uni<RevisionFile> download(String project, String deployment, String version, String revision) {
        return files.downloadRevisionFile(project, deployment, version, revision);
    }

    /** A new revision from another version's package or a template's (a JSON or form body). */
    public Uni<Revision> create(String project, String deployment, String version, RevisionSource source) {
        requireOneOrigin(source, false, false);
        return upload(project, deployment, version, null, source);
    }

    /**
     * A new revision from a multipart body: an uploaded package, or (as upstream allows) the same source fields as
     * text parts; exactly one of them. The package goes to upstream from disk; the file renamed to give it the
     * caller's name is deleted whatever the outcome (Quarkus deletes only the file it spooled).
     */
    public Uni<Revision> create(String project, String deployment, String version, RevisionSource source,
                                UploadedPackage uploaded) {
        requireOneOrigin(source, true, uploaded != null);
        if (uploaded == null) {
            return upload(project, deployment, version, null, source);
        }
        // Upstream takes the name from the file on disk: give the spooled file the caller's name, in a directory of
        // its own next to it (a rename, not a copy: the same file system).
        Path directory = uploaded.file().toAbsolutePath().getParent();
        return fileSystem.createTempDirectory(directory.toString(), "revision-", null)
                .flatMap(staging -> {
                    Path named = Path.of(staging, uploaded.safeName());
                    return fileSystem.move(uploaded.file().toString(), named.toString())
                            .flatMap(moved -> upload(project, deployment, version, named, source))
                            .onTermination().call(() -> fileSystem.deleteRecursive(staging, true)
                                    .onFailure().recoverWithNull());
                });
    }

    /** revisions_file_upload with a package ({@code file}) or the source, then the new revision as upstream has it. */
    private Uni<Revision> upload(String project, String deployment, String version, Path file, RevisionSource source) {
        return invalidations.after(deployments.uploadRevision(project, deployment, version, file,
                        source.sourceDeployment(), source.sourceVersion(), source.templateId()),
                        Changes.revisions(project, deployment, version))
                .flatMap(created -> deployments.getRevision(project, deployment, version, created.revision())
                        .map(revision -> RevisionsMapper.revision(revision, buildId(created))));
    }

    /** Upstream's {@code build} is deprecated; it documents the first build as sharing the revision's id. */
    private static String buildId(RevisionCreate created) {
        return created.build() != null ? created.build() : created.revision();
    }

    /**
     * Upstream's rule, checked before anything reaches it: the package comes from exactly one place, and a
     * source is named by deployment and version together. {@code multipart}: whether a file part was possible.
     */
    private static void requireOneOrigin(RevisionSource source, boolean multipart, boolean uploaded) {
        boolean deployment = source.sourceDeployment() != null;
        boolean version = source.sourceVersion() != null;
        boolean template = source.templateId() != null;
        if (deployment != version) {
            throw deployment ? BadRequest.of("sourceVersion", "is required together with sourceDeployment")
                    : BadRequest.of("sourceDeployment", "is required together with sourceVersion");
        }
        int origins = (uploaded ? 1 : 0) + (deployment ? 1 : 0) + (template ? 1 : 0);
        String choices = (multipart ? "a file part, " : "") + "sourceDeployment with sourceVersion, or templateId";
        if (origins == 0) {
            throw BadRequest.of(multipart ? "file" : "sourceDeployment", "one of " + choices + " is required");
        }
        if (origins > 1) {
            throw BadRequest.of(template ? "templateId" : "file", "give only one of " + choices);
        }
    }
}
