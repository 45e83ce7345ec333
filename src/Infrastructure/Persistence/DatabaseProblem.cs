using System.Net.Sockets;
using Npgsql;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>Turns a failure to reach or use PostgreSQL into one sentence an operator can act on.</summary>
public static class DatabaseProblem
{
    public static string Describe(Exception exception, string connectionString)
    {
        var (where, user, database) = Target(connectionString);
        return Innermost(exception) switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } e =>
                $"PostgreSQL at {where} refused to sign in user '{user}' ({e.MessageText}). Check the user and password in ConnectionStrings__MicroMove.",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"Database '{database}' does not exist on {where}. Create it (createdb {database}) or fix ConnectionStrings__MicroMove.",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } e =>
                $"User '{user}' lacks a privilege MicroMove needs on {where} ({e.MessageText}). Grant it, or run the migrations with an owner role (MicroMove.Bot migrate).",
            PostgresException e =>
                $"PostgreSQL at {where} answered with an error: {e.SqlState} {e.MessageText}.",
            SocketException e =>
                $"Cannot reach PostgreSQL at {where}: {e.Message}. Is the server running and is ConnectionStrings__MicroMove right?",
            TimeoutException =>
                $"PostgreSQL at {where} did not answer in time. Is the host right and reachable?",
            _ => $"Cannot use PostgreSQL at {where}: {exception.Message}",
        };
    }

    private static Exception Innermost(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException or SocketException or TimeoutException)
            {
                return current;
            }
        }

        return exception;
    }

    private static (string Where, string User, string Database) Target(string connectionString)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            return ($"{parsed.Host}:{parsed.Port}", parsed.Username ?? "(none)", parsed.Database ?? "(default)");
        }
        catch (ArgumentException)
        {
            return ("(unparseable connection string)", "(unknown)", "(unknown)");
        }
    }
}
