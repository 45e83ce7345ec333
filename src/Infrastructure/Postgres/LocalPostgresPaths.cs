namespace MicroMove.Infrastructure.Postgres;

/// <summary>Where the zero-config run keeps its data between runs.</summary>
public static class LocalPostgresPaths
{
    /// <summary>
    /// Root's home is closed to the unprivileged account that must run the server, so
    /// as root the cluster lives under /var/lib/micromove; otherwise under the user's
    /// local data directory (~/.local/share/MicroMove on Linux).
    /// </summary>
    public static string DefaultDataDirectory =>
        Environment.IsPrivilegedProcess
            ? Path.Combine("/var/lib/micromove", "postgres")
            : Path.Combine(LocalDataDirectory, "postgres");

    /// <summary>The current user's MicroMove folder (~/.local/share/MicroMove on Linux).</summary>
    public static string LocalDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "MicroMove");
}
