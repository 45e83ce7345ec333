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
    /// <para>
    /// Connections also go back to the pool without a reset unless the connection string sets
    /// <c>No Reset On Close</c>: EF Core returns its connection after every statement, and with prepared
    /// statements kept Npgsql's reset is seven statements (RESET ALL, UNLISTEN *, advisory unlocks, …)
    /// that PostgreSQL parses and runs each time — more statements than the work itself. MicroMove keeps no
    /// session state on pooled connections (no SET, LISTEN, temporary tables; the migrator unlocks its
    /// advisory lock itself), so there is nothing to reset.
    /// </para>
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

    /// <summary>Whether the connection string names the setting (spaces in its name ignored).</summary>
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
