using System.Text;

namespace MicroMove.Infrastructure.Scheduling;

/// <summary>
/// Quartz.NET's own PostgreSQL DDL, embedded in the pinned Quartz.dll, with our table prefix
/// filled in. Our migrations apply it, so the schema exists before any scheduler starts and
/// app nodes only validate it. The script only creates what is missing and never drops.
/// A Quartz upgrade is a schema event: add a migration that applies the new version's script.
/// </summary>
public static class QuartzSchema
{
    public const string SchemaName = "quartz";
    public const string TablePrefix = SchemaName + ".qrtz_";
    private const string ResourceName = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    private const string StatementSeparator = "--;;";

    /// <summary>The statements of the script, in order, for the configured prefix.</summary>
    public static IReadOnlyList<string> Statements()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Quartz.dll no longer embeds {ResourceName}; check the Quartz upgrade notes.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd()
            .Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", "qrtz_", StringComparison.Ordinal);
        // Statements are separated by lines reading exactly "--;;" (the header comment mentions the marker too).
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in script.Split('\n'))
        {
            if (line.TrimEnd('\r') == StatementSeparator)
            {
                AddIfCode(statements, current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(line).Append('\n');
            }
        }

        AddIfCode(statements, current.ToString());
        return statements;
    }

    private static void AddIfCode(List<string> statements, string piece)
    {
        var hasCode = piece.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal));
        if (hasCode)
        {
            statements.Add(piece.Trim());
        }
    }
}
