using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>Registers the data source, the pooled DbContext and the migrator.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddMicroMoveDatabase(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => DataSource(connectionString));
        services.AddDbContextPool<MicroMoveDbContext>((provider, options) =>
            Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    /// <summary>Statements kept prepared per connection when the connection string does not say (Npgsql's own default is none).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The data source, with automatic preparation on unless the connection string sets
    /// <c>Max Auto Prepare</c>: the same few statements run all day (the inbound clicks, the delivery
    /// claims), and a prepared one skips PostgreSQL's parse and plan, about half of its work for
    /// these short queries. <c>Max Auto Prepare=0</c> turns it off (e.g. behind a pooler that cannot
    /// keep prepared statements).
    /// Pooled connections are handed out again without Npgsql's reset (<c>No Reset On Close</c>) unless
    /// the connection string says otherwise: with prepared statements kept, that reset is three statements
    /// PostgreSQL runs before the next command, on every open, i.e. before almost every query here. It is
    /// safe because MicroMove leaves no session state behind: no SET, LISTEN or temporary tables, and the
    /// migrator unlocks its advisory lock itself.
    /// </summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!Sets(connectionString, "MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Sets(connectionString, "NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        return builder.Build();
    }

    private static bool Sets(string connectionString, string setting) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), setting, StringComparison.OrdinalIgnoreCase));

    internal static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Npgsql).UseSnakeCaseNamingConvention();

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, Npgsql).UseSnakeCaseNamingConvention();

    private static void Npgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.SetPostgresVersion(15, 0)
            .MigrationsHistoryTable(MicroMoveDbContext.MigrationsHistoryTable, MicroMoveDbContext.Schema);
}
