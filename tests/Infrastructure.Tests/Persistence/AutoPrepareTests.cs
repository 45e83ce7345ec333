using MicroMove.Infrastructure.Persistence;
using MicroMove.Tests.Support;
using Npgsql;

namespace MicroMove.Infrastructure.Tests.Persistence;

/// <summary>The data source prepares statements it runs again and again, unless the connection string says otherwise.</summary>
public sealed class AutoPrepareTests(PostgresServer server)
{
    [Fact]
    public async Task RepeatedStatement_IsPreparedOnTheConnection_ByDefault()
    {
        await using var dataSource = DatabaseRegistration.DataSource(await server.CreateEmptyDatabaseAsync());

        Assert.True(await PreparedAfterRepeatingAsync(dataSource) > 0);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0")]
    [InlineData("MaxAutoPrepare=0")]
    public async Task ConnectionStringThatTurnsItOff_IsObeyed(string setting)
    {
        await using var dataSource = DatabaseRegistration.DataSource($"{await server.CreateEmptyDatabaseAsync()};{setting}");

        Assert.Equal(0, await PreparedAfterRepeatingAsync(dataSource));
    }

    /// <summary>Runs one parameterised query ten times on one connection; how many statements are prepared then.</summary>
    private static async Task<long> PreparedAfterRepeatingAsync(NpgsqlDataSource dataSource)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var i = 0; i < 10; i++)
        {
            await using var command = new NpgsqlCommand("SELECT $1::int + 1", connection) { Parameters = { new() { Value = i } } };
            await command.ExecuteScalarAsync(cancellationToken);
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
