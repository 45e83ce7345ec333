using MicroMove.Infrastructure.Persistence;
using MicroMove.Tests.Support;
using Npgsql;

namespace MicroMove.Infrastructure.Tests.Persistence;

/// <summary>
/// Pooled connections go back without Npgsql's reset (seven statements per return) unless the
/// connection string asks for it; seen through a session setting that a reset would clear.
/// </summary>
public sealed class PoolResetTests(PostgresServer server)
{
    [Fact]
    public async Task ReturnedConnection_IsNotReset_ByDefault()
    {
        await using var dataSource = DatabaseRegistration.DataSource(await server.CreateEmptyDatabaseAsync());

        Assert.Equal("kept", await SettingAfterReturnAsync(dataSource));
    }

    [Theory]
    [InlineData("No Reset On Close=false")]
    [InlineData("NoResetOnClose=false")]
    public async Task ConnectionStringThatAsksForTheReset_IsObeyed(string setting)
    {
        await using var dataSource = DatabaseRegistration.DataSource($"{await server.CreateEmptyDatabaseAsync()};{setting}");

        Assert.Equal(string.Empty, await SettingAfterReturnAsync(dataSource));
    }

    /// <summary>Sets a session variable, returns the connection to the pool, takes it again and reads the variable.</summary>
    private static async Task<string> SettingAfterReturnAsync(NpgsqlDataSource dataSource)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        int backend;
        await using (var first = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            backend = first.ProcessID;
            await using var set = new NpgsqlCommand("SET micromove.probe = 'kept'", first);
            await set.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var second = await dataSource.OpenConnectionAsync(cancellationToken);
        Assert.Equal(backend, second.ProcessID); // the same pooled connection, or the test proves nothing
        await using var read = new NpgsqlCommand("SELECT coalesce(current_setting('micromove.probe', true), '')", second);
        return (string)(await read.ExecuteScalarAsync(cancellationToken) ?? string.Empty);
    }
}
