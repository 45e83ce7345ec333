namespace MicroMove.Infrastructure.Postgres;

/// <summary>The local PostgreSQL could not be started; the message says what to do.</summary>
public sealed class LocalPostgresException(string message) : Exception(message);
