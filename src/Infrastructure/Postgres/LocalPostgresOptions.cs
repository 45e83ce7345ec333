namespace MicroMove.Infrastructure.Postgres;

/// <summary>Settings of the private PostgreSQL that the zero-config run starts (section "LocalPostgres").</summary>
public sealed record LocalPostgresOptions
{
    public const string SectionName = "LocalPostgres";

    /// <summary>Where the cluster lives; default <see cref="LocalPostgresPaths.DefaultDataDirectory"/>.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Loopback port the server listens on.</summary>
    public int Port { get; init; } = 55432;

    /// <summary>Folder with initdb and pg_ctl; found automatically when empty.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>The unprivileged account that runs the server when MicroMove runs as root (PostgreSQL refuses root).</summary>
    public string ServiceAccount { get; init; } = "postgres";

    public string Database { get; init; } = "micromove";

    /// <summary>Trade durability for speed (fsync off): for throw-away test clusters only.</summary>
    public bool Ephemeral { get; init; }
}
