using MicroMove.Infrastructure.Postgres;
using Npgsql;

namespace MicroMove.Bot.Hosting;

/// <summary>
/// Decides which PostgreSQL the bot uses: the one named by ConnectionStrings:MicroMove,
/// or, with no connection string, a private local cluster started here (zero-config run).
/// </summary>
internal static class DatabaseSetup
{
    public const string ConnectionStringName = "MicroMove";

    public static async Task<(string ConnectionString, LocalPostgresCluster? LocalCluster)> ResolveAsync(
        IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(configured);
            }
            catch (ArgumentException exception)
            {
                throw new StartupException($"ConnectionStrings__MicroMove is not a valid PostgreSQL connection string ({exception.Message}).");
            }

            return (configured, null);
        }

        var options = configuration.GetSection(LocalPostgresOptions.SectionName).Get<LocalPostgresOptions>() ?? new LocalPostgresOptions();
        try
        {
            var cluster = await LocalPostgresCluster.StartAsync(options, logger, cancellationToken);
            return (cluster.ConnectionString, cluster);
        }
        catch (LocalPostgresException exception)
        {
            throw new StartupException(exception.Message);
        }
    }
}
