package io.usagereport.ingest;

import static java.util.Objects.requireNonNull;

/**
 * Where each table of a lake lives. The root is any Hadoop file system URI or a local path
 * ({@code /data/lake}, {@code file:/data/lake}, {@code s3a://bucket/lake}, {@code abfss://…}).
 *
 * <ul>
 * <li>{@code signins/tenant_id=<id>/month=<YYYY-MM>/} — one row per sign-in ({@link SignInSchema});</li>
 * <li>{@code rejects/tenant_id=<id>/source_key=<key>/} — input records that could not become rows;</li>
 * <li>{@code _manifests/tenant_id=<id>/source_key=<key>/} — per file and month: rows read, written, duplicate, rejected;</li>
 * <li>{@code marts/<name>/month=<YYYY-MM>/} — the analytics marts.</li>
 * </ul>
 */
public record LakeLayout(String root)
{
    public static final String SIGNINS = "signins";
    public static final String REJECTS = "rejects";
    public static final String MANIFESTS = "_manifests";
    public static final String MARTS = "marts";

    public LakeLayout
    {
        requireNonNull(root, "root is null");
        if (root.isBlank()) {
            throw new IllegalArgumentException("root is blank");
        }
        while (root.length() > 1 && root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
    }

    public String signins()
    {
        return root + "/" + SIGNINS;
    }

    public String rejects()
    {
        return root + "/" + REJECTS;
    }

    public String manifests()
    {
        return root + "/" + MANIFESTS;
    }

    /** The folder of one mart, e.g. {@code marts/basic_auth_by_protocol}. */
    public String mart(String name)
    {
        requireNonNull(name, "name is null");
        return root + "/" + MARTS + "/" + name;
    }
}
